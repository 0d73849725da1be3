import { useEffect, useRef } from 'react';
import type { BackupEntry } from '../../../../shared/backups';
import { Alert } from '../../components/Alert';
import { BackupList } from './BackupList';
import { backupDateText, backupDetailsText } from './backupText';
import { useBackupListing } from './useBackupListing';
import { useRestoreBackup } from './useRestoreBackup';

/**
 * Shown instead of the library when it could not be opened: what is wrong, the newest backup
 * that passes its check to restore in one step, and the others. Nothing changes until the user
 * restores one; the damaged library is kept as a backup when they do.
 */
export function RecoveryScreen() {
  const { load, refresh } = useBackupListing();
  const restoring = useRestoreBackup(() => void refresh());
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    // Where a screen reader starts: what happened comes before what to do about it.
    headingRef.current?.focus();
  }, []);

  const listing = load.kind === 'ready' ? load.listing : null;
  const newestGood = listing?.backups.find((backup) => backup.healthy) ?? null;
  const others = listing?.backups.filter((backup) => backup !== newestGood) ?? [];
  const busy = restoring.restoring !== null;
  const restore = (backup: BackupEntry) => void restoring.restore(backup);

  return (
    <div className="library recovery">
      <header className="appbar">
        <p className="brand">Briefmark</p>
      </header>
      <main className="library-main">
        <div className="library-column recovery-column">
          <h1 ref={headingRef} className="library-title" tabIndex={-1}>
            Your library could not be opened
          </h1>
          {load.kind === 'loading' && <p className="muted">Checking the backups…</p>}
          {load.kind === 'error' && (
            <Alert title="The backups could not be listed">
              <p>{load.message}</p>
            </Alert>
          )}
          {listing && (
            <p className="recovery-problem">
              {listing.problem?.message ?? 'Briefmark has no library open.'}
            </p>
          )}
          {restoring.error && (
            <Alert title="The backup was not restored" onDismiss={restoring.clearError}>
              <p>{restoring.error}</p>
            </Alert>
          )}
          {listing && newestGood && (
            <section className="recovery-offer" aria-labelledby="recovery-offer-title">
              <h2 id="recovery-offer-title" className="recovery-offer-title">
                Newest backup that passes its check
              </h2>
              <p className="backup-date">{backupDateText(newestGood)}</p>
              <p className="backup-details">{backupDetailsText(newestGood)}</p>
              <p className="recovery-offer-note">
                Restoring it replaces the damaged library, which is kept as a backup too, so nothing
                is thrown away.
              </p>
              <button
                type="button"
                className="button button-primary"
                aria-disabled={busy}
                onClick={() => {
                  if (!busy) restore(newestGood);
                }}
              >
                Restore backup from {backupDateText(newestGood)}
              </button>
              <p className="backups-status" role="status">
                {restoring.restoring ? 'Restoring…' : ''}
              </p>
            </section>
          )}
          {listing && !newestGood && (
            <Alert title="No backup passes its check">
              <p>
                {listing.backups.length === 0
                  ? 'There are no backups of this library.'
                  : 'None of the backups below can be restored.'}{' '}
                Keep a copy of the library file before anyone tries to repair it.
              </p>
            </Alert>
          )}
          {others.length > 0 && (
            <section className="recovery-others" aria-labelledby="recovery-others-title">
              <h2 id="recovery-others-title" className="recovery-others-title">
                {newestGood ? 'Older backups' : 'Backups'}
              </h2>
              <BackupList backups={others} busy={busy} restoreLabel="Restore" onRestore={restore} />
            </section>
          )}
          {listing?.folder && (
            <p className="backups-folder">
              Backups are kept in <span className="backups-path">{listing.folder}</span>
            </p>
          )}
          <p className="recovery-leave">
            To leave everything as it is, close Briefmark: nothing changes until you restore a
            backup.
          </p>
        </div>
      </main>
    </div>
  );
}
