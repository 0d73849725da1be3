import { useState } from 'react';
import type { BackupEntry } from '../../../../shared/backups';
import { api } from '../../api/api';
import { restoredText } from './backupText';
import { reloadWithNotice } from './restoredNotice';

export interface RestoreBackupState {
  /** The backup being restored, while its restore runs. */
  restoring: BackupEntry | null;
  /** Why the last restore did not happen; null otherwise. */
  error: string | null;
  /** Restores the backup, then reloads the app so every view reads the restored library. */
  restore: (backup: BackupEntry) => Promise<void>;
  clearError: () => void;
}

export function useRestoreBackup(onFailed?: () => void): RestoreBackupState {
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);
  const [error, setError] = useState<string | null>(null);

  const restore = async (backup: BackupEntry) => {
    if (restoring) return;
    setRestoring(backup);
    setError(null);
    const result = await api['backups.restore']({ fileName: backup.fileName });
    if (result.ok) {
      reloadWithNotice(restoredText(result.value));
      return;
    }
    setRestoring(null);
    setError(result.error.message);
    onFailed?.();
  };

  return { restoring, error, restore, clearError: () => setError(null) };
}
