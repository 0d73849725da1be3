import { useCallback, useEffect, useState } from 'react';
import type { BackupListing } from '../../../../shared/backups';
import { api } from '../../api/api';

export type BackupListingLoad =
  | { kind: 'loading' }
  | { kind: 'ready'; listing: BackupListing }
  | { kind: 'error'; message: string };

/** The backups as the main process lists them (each checked), and a way to list them again. */
export function useBackupListing(): { load: BackupListingLoad; refresh: () => Promise<void> } {
  const [load, setLoad] = useState<BackupListingLoad>({ kind: 'loading' });

  const refresh = useCallback(async () => {
    const result = await api['backups.list']({});
    setLoad(
      result.ok
        ? { kind: 'ready', listing: result.value }
        : { kind: 'error', message: result.error.message },
    );
  }, []);

  useEffect(() => {
    let cancelled = false;
    void api['backups.list']({}).then((result) => {
      if (cancelled) return;
      setLoad(
        result.ok
          ? { kind: 'ready', listing: result.value }
          : { kind: 'error', message: result.error.message },
      );
    });
    return () => {
      cancelled = true;
    };
  }, []);

  return { load, refresh };
}
