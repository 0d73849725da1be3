import { useState } from 'react';
import { BackupsDialog } from './BackupsDialog';

/** Opens the library's backups; focus comes back here when the dialog closes. */
export function BackupsButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button"
        aria-haspopup="dialog"
        title="See the library's backups, take one or restore one"
        onClick={() => setOpen(true)}
      >
        Backups…
      </button>
      {open && <BackupsDialog onClose={() => setOpen(false)} />}
    </>
  );
}
