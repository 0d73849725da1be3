import { useEffect, useId, useRef, useState } from 'react';
import type { BackupEntry } from '../../../../shared/backups';
import { api } from '../../api/api';
import { Dialog } from '../../components/Dialog';
import { BackupList } from './BackupList';
import { backupDateText, backupDetailsText, backupSizeText } from './backupText';
import { useBackupListing } from './useBackupListing';
import { useRestoreBackup } from './useRestoreBackup';

/**
 * The library's backups: taking one now, and restoring one after saying what will happen.
 * A restore reloads the app, which then shows what it did.
 */
export function BackupsDialog({ onClose }: { onClose: () => void }) {
  const { load, refresh } = useBackupListing();
  const [confirming, setConfirming] = useState<BackupEntry | null>(null);
  const [backingUp, setBackingUp] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [backupError, setBackupError] = useState<string | null>(null);
  const restoring = useRestoreBackup(() => {
    setConfirming(null);
    void refresh();
  });
  const bodyRef = useRef<HTMLDivElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const errorId = useId();
  // The row whose Restore… opened the confirmation, for focus to go back to.
  const returnTo = useRef<string | null>(null);

  useEffect(() => {
    if (confirming) {
      cancelRef.current?.focus();
      return;
    }
    const fileName = returnTo.current;
    if (fileName === null) return;
    returnTo.current = null;
    const row = bodyRef.current?.querySelector(`[data-file="${CSS.escape(fileName)}"] button`);
    if (row instanceof HTMLElement) row.focus();
  }, [confirming]);

  const backUpNow = async () => {
    if (backingUp) return;
    setBackingUp(true);
    setBackupError(null);
    setStatus('Backing up…');
    const result = await api['backups.create']({});
    setBackingUp(false);
    if (result.ok) {
      setStatus(
        `Backed up: ${backupDateText(result.value)}, ${backupSizeText(result.value.bytes)}.`,
      );
      await refresh();
    } else {
      setStatus(null);
      setBackupError(result.error.message);
    }
  };

  const error = backupError ?? restoring.error;
  const busy = backingUp || restoring.restoring !== null;

  return (
    <Dialog
      title="Backups"
      onClose={() => {
        // Escape steps back from the confirmation, and waits for a restore under way.
        if (restoring.restoring) return;
        if (confirming) setConfirming(null);
        else onClose();
      }}
    >
      <div className="backups-dialog-body" ref={bodyRef}>
        {confirming ? (
          <div className="backup-confirm">
            <p className="backup-confirm-title">
              Restore the backup from {backupDateText(confirming)}?
            </p>
            <p className="backup-confirm-details">{backupDetailsText(confirming)}</p>
            <p>
              Your library will be replaced by this backup: anything added or changed since then is
              set aside. The library as it is now is saved as a backup first, so you can undo this.
            </p>
          </div>
        ) : (
          <>
            <p className="backups-intro">
              Briefmark backs up your library every day and before each update. Restoring a backup
              saves the library as it is first.
            </p>
            {load.kind === 'loading' && <p className="muted">Checking the backups…</p>}
            {load.kind === 'error' && (
              <p className="field-error" role="alert">
                The backups could not be listed: {load.message}
              </p>
            )}
            {load.kind === 'ready' && load.listing.backups.length === 0 && (
              <p className="backups-empty">There are no backups yet.</p>
            )}
            {load.kind === 'ready' && load.listing.backups.length > 0 && (
              <BackupList
                backups={load.listing.backups}
                busy={busy}
                restoreLabel="Restore…"
                onRestore={(backup) => {
                  restoring.clearError();
                  setBackupError(null);
                  returnTo.current = backup.fileName;
                  setConfirming(backup);
                }}
              />
            )}
            {load.kind === 'ready' && load.listing.folder && (
              <p className="backups-folder">
                Kept in <span className="backups-path">{load.listing.folder}</span>
              </p>
            )}
          </>
        )}
        {error && (
          <p id={errorId} className="field-error backups-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          {confirming ? (
            <>
              <p className="backups-status dialog-action-start" role="status">
                {restoring.restoring ? 'Restoring…' : ''}
              </p>
              <button
                ref={cancelRef}
                type="button"
                className="button button-quiet"
                aria-disabled={busy}
                onClick={() => {
                  if (!busy) setConfirming(null);
                }}
              >
                Cancel
              </button>
              <button
                type="button"
                className="button button-primary"
                aria-disabled={busy}
                onClick={() => void restoring.restore(confirming)}
              >
                Restore backup
              </button>
            </>
          ) : (
            <>
              <p className="backups-status dialog-action-start" role="status">
                {status}
              </p>
              <button type="button" className="button button-quiet" onClick={onClose}>
                Close
              </button>
              <button
                type="button"
                className="button button-primary"
                aria-disabled={busy}
                aria-describedby={backupError ? errorId : undefined}
                onClick={() => void backUpNow()}
              >
                Back up now
              </button>
            </>
          )}
        </div>
      </div>
    </Dialog>
  );
}
