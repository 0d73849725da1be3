import { IMPORTABLE_EXTENSIONS } from '../../../../shared/importLimits';
import { Alert } from '../../components/Alert';
import { ImportProgressPanel } from '../library/ImportProgressPanel';
import type { NewEditionImport } from './useNewEditionImport';

const ACCEPT = IMPORTABLE_EXTENSIONS.map((extension) => `.${extension}`).join(',');

/** The hidden file picker of "Import new edition…", its progress and what went wrong. */
export function NewEditionImportStatus({
  attachInput,
  onFileChosen,
  progress,
  cancel,
  problem,
  dismissProblem,
}: NewEditionImport) {
  return (
    <>
      <input
        ref={attachInput}
        type="file"
        accept={ACCEPT}
        hidden
        tabIndex={-1}
        aria-hidden="true"
        data-testid="new-edition-input"
        onChange={onFileChosen}
      />
      {progress && (
        <div className="banner edition-import-banner">
          <ImportProgressPanel status={progress} onCancel={cancel} />
        </div>
      )}
      {problem && (
        <div className="banner">
          <Alert title={problem.title} onDismiss={dismissProblem}>
            <p>{problem.message}</p>
          </Alert>
        </div>
      )}
    </>
  );
}
