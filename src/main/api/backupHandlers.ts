import type { ApiMethod, ApiRequest, ApiResponse } from '../../shared/api';
import type { LibraryHost } from '../services/LibraryHost';

/** The methods that answer while the library could not be opened: the way to recover it. */
export const BACKUP_METHODS = ['backups.list', 'backups.create', 'backups.restore'] as const;
export type BackupMethod = (typeof BACKUP_METHODS)[number];

export function isBackupMethod(method: ApiMethod): method is BackupMethod {
  return (BACKUP_METHODS as readonly string[]).includes(method);
}

export type BackupHandlers = {
  [M in BackupMethod]: (request: ApiRequest<M>) => ApiResponse<M> | Promise<ApiResponse<M>>;
};

/** Backups go through the host, which swaps the library when one is restored. */
export function backupHandlers(host: LibraryHost): BackupHandlers {
  return {
    'backups.list': () => host.listBackups(),
    'backups.create': () => host.backUpNow(),
    'backups.restore': ({ fileName }) => host.restore(fileName),
  };
}
