import {
  backupReasonLabel,
  type BackupEntry,
  type BackupRestore,
} from '../../../../shared/backups';
import { formatTimestamp } from '../../format/formatTimestamp';

/** When the backup was taken, in the user's time: "28 Nov 2026, 03:15". */
export function backupDateText(backup: BackupEntry): string {
  return formatTimestamp(backup.takenAt);
}

/** "1.4 MB", "640 KB": sizes as a file manager shows them. */
export function backupSizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "Daily · 1.4 MB · 3 briefs": why it was taken, its size and what it holds. */
export function backupDetailsText(backup: BackupEntry): string {
  const parts = [backupReasonLabel(backup.reason), backupSizeText(backup.bytes)];
  if (backup.briefs !== null)
    parts.push(backup.briefs === 1 ? '1 brief' : `${backup.briefs} briefs`);
  return parts.join(' · ');
}

/** What a restore did, in sentences, for the line shown once the app has reloaded. */
export function restoredText(result: BackupRestore): string {
  const restored = `Restored the backup from ${backupDateText(result.restored)}.`;
  if (!result.previous) return `${restored} There was no library before it.`;
  const previous = backupDateText(result.previous);
  return result.previousCopiedAsIs
    ? `${restored} The damaged library is kept as it was, as the “Before restore” backup from ${previous}.`
    : `${restored} The library as it was is kept as the “Before restore” backup from ${previous}; restore that to undo this.`;
}
