/**
 * Shown for as long as the library is open read-only, so no one types a note expecting it to be
 * kept: the sentence from the library says why and what to do. Not dismissable.
 */
export function ReadOnlyLibraryNotice({ notice }: { notice: string }) {
  return (
    <div className="banner" data-testid="read-only-notice">
      <div className="alert" role="status">
        <div className="alert-body">
          <p className="alert-title">This library is read-only</p>
          <p>{notice}</p>
        </div>
      </div>
    </div>
  );
}
