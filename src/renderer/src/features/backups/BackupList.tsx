import { useId } from 'react';
import type { BackupEntry } from '../../../../shared/backups';
import { backupDateText, backupDetailsText } from './backupText';

interface BackupListProps {
  backups: readonly BackupEntry[];
  /** Chooses a backup to restore; only backups that pass their check can be chosen. */
  onRestore: (backup: BackupEntry) => void;
  /** True while a restore runs: the buttons stay, but do nothing. */
  busy: boolean;
  /** The label of each row's button: "Restore…" where a confirmation follows. */
  restoreLabel: string;
}

/** Backups newest first: when, why, how big, how many briefs, and whether each is sound. */
export function BackupList({ backups, onRestore, busy, restoreLabel }: BackupListProps) {
  return (
    <ul className="backup-list">
      {backups.map((backup) => (
        <BackupRow
          key={backup.fileName}
          backup={backup}
          onRestore={onRestore}
          busy={busy}
          restoreLabel={restoreLabel}
        />
      ))}
    </ul>
  );
}

function BackupRow({
  backup,
  onRestore,
  busy,
  restoreLabel,
}: {
  backup: BackupEntry;
  onRestore: (backup: BackupEntry) => void;
  busy: boolean;
  restoreLabel: string;
}) {
  const dateId = useId();
  return (
    <li className="backup-row" data-file={backup.fileName}>
      <div className="backup-row-text">
        <p id={dateId} className="backup-date">
          {backupDateText(backup)}
        </p>
        <p className="backup-details">{backupDetailsText(backup)}</p>
        {backup.problem && <p className="backup-problem">Cannot be restored: {backup.problem}</p>}
      </div>
      {backup.healthy && (
        <button
          type="button"
          className="button"
          aria-describedby={dateId}
          aria-disabled={busy}
          onClick={() => {
            if (!busy) onRestore(backup);
          }}
        >
          {restoreLabel}
        </button>
      )}
    </li>
  );
}
