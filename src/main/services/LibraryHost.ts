import type {
  BackupEntry,
  BackupListing,
  BackupRestore,
  LibraryProblem,
} from '../../shared/backups';
import { DatabaseError } from '../db/DatabaseError';
import { LibraryBackups, type BackupFile } from '../db/LibraryBackups';
import { backupEntryOf } from './backupEntryOf';
import type { Library } from './Library';
import { openLibrary, type OpenLibraryOptions } from './openLibrary';
import { ServiceError } from './ServiceError';

/**
 * Why opening can fail where restoring a backup is the way on. Other failures (a library from a
 * newer Briefmark, one locked by another program) still throw: an older backup would be wrong.
 */
const RESTORABLE_CODES = new Set(['database_corrupt', 'database_unreadable']);

/**
 * Holds the app's library, or why it could not be opened, and its backups. Restoring a backup
 * closes the library, puts the backup in its place and opens it again, so everything that asks
 * the host for the library afterwards talks to the restored one. Plain Node, like Library.
 */
export class LibraryHost {
  private current: Library | null;
  private trouble: LibraryProblem | null = null;
  /** A manual backup under way holds a connection that a restore must wait for. */
  private backingUp: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly opener: (() => Library) | null,
    readonly backups: LibraryBackups | null,
    private readonly nativeBinding: string | undefined,
    library: Library | null,
  ) {
    this.current = library;
  }

  /** A host for the library file the options name; `open()` opens it. */
  static forFile(options: OpenLibraryOptions): LibraryHost {
    const { dbPath, nativeBinding, now } = options;
    const backups =
      dbPath === ':memory:' ? null : new LibraryBackups(dbPath, { nativeBinding, now });
    return new LibraryHost(() => openLibrary(options), backups, nativeBinding, null);
  }

  /** A host for a library opened elsewhere; after a restore it asks for Briefmark to restart. */
  static around(library: Library): LibraryHost {
    return new LibraryHost(null, library.backups, undefined, library);
  }

  /**
   * Opens the library. A damaged or unreadable one is kept as the problem, for the app to offer
   * a backup; other failures throw, as before there was a host.
   */
  open(): this {
    if (!this.opener) return this;
    this.current?.close();
    this.current = null;
    try {
      this.current = this.opener();
      this.trouble = null;
    } catch (error) {
      if (!(error instanceof DatabaseError) || !RESTORABLE_CODES.has(error.code)) throw error;
      this.trouble = {
        code: error.code as 'database_corrupt' | 'database_unreadable',
        message: firstSentences(error.message),
      };
    }
    return this;
  }

  /** The open library; null while it could not be opened. */
  get library(): Library | null {
    return this.current;
  }

  /** Why the library is not open; null when it is. */
  get problem(): LibraryProblem | null {
    return this.current ? null : this.trouble;
  }

  /** What a request that needs the library is answered with while it is not open. */
  unavailable(): ServiceError {
    const why = this.trouble?.message ?? 'Briefmark has no library open.';
    return new ServiceError('library_unavailable', why);
  }

  /** The backups, newest first, each checked, with the problem the app starts with if any. */
  listBackups(): BackupListing {
    return {
      problem: this.problem,
      folder: this.backups?.folder ?? null,
      backups: (this.backups?.list() ?? []).map((backup) =>
        backupEntryOf(backup, this.nativeBinding),
      ),
    };
  }

  /** A manual backup of the open library, taken now. */
  async backUpNow(): Promise<BackupEntry> {
    if (!this.current) {
      throw new ServiceError(
        'library_unavailable',
        `Briefmark backs up only a library it could open, and this one it could not: ${this.unavailable().message}`,
      );
    }
    const backups = this.requireBackups();
    const taking = backups.takeBackup('manual');
    this.backingUp = taking.catch(() => undefined);
    return backupEntryOf(await taking, this.nativeBinding);
  }

  /**
   * Puts the backup named `fileName` in place of the library: a name from the backups folder's
   * list only, never a path. The library as it was is kept as a `before-restore` backup first.
   */
  async restore(fileName: string): Promise<BackupRestore> {
    const backups = this.requireBackups();
    const find = () => backups.files().find((file) => file.fileName === fileName);
    if (!find()) throw noSuchBackup(fileName, backups.folder);
    await this.backingUp;
    // Looked up again: the list may have changed while the manual backup finished.
    const file = find();
    if (!file) throw noSuchBackup(fileName, backups.folder);

    // Closed first: the restore needs the only connection to the file, and the daily backup
    // must not copy the library while it is being replaced.
    this.current?.close();
    this.current = null;
    let result;
    try {
      result = backups.restore(file.path);
    } catch (error) {
      // Refused or failed: the library was left as it was, so it opens as it did before.
      this.reopen();
      throw error;
    }
    this.reopen();
    return {
      restored: this.entryOf(backups, file),
      previous: result.previous && backupEntryOf(result.previous, this.nativeBinding),
      previousCopiedAsIs: result.previousCopiedAsIs,
    };
  }

  close(): void {
    this.current?.close();
    this.current = null;
  }

  // Never throws: a restore must answer with what happened to the backup, and leave the host
  // holding a library or a problem either way.
  private reopen(): void {
    if (this.opener) {
      try {
        this.open();
      } catch (error) {
        this.trouble = {
          code: 'database_unreadable',
          message: `Briefmark could not open the library again: ${(error as Error).message}`,
        };
      }
      return;
    }
    this.trouble = {
      code: 'restart_needed',
      message: 'The backup was restored. Start Briefmark again to open it.',
    };
  }

  private entryOf(backups: LibraryBackups, file: BackupFile): BackupEntry {
    return backupEntryOf({ ...file, check: backups.checkBackup(file) }, this.nativeBinding);
  }

  private requireBackups(): LibraryBackups {
    if (!this.backups) {
      throw new ServiceError(
        'invalid_request',
        'This library is not kept in a file, so it has no backups.',
      );
    }
    return this.backups;
  }
}

function noSuchBackup(fileName: string, folder: string): ServiceError {
  const name = fileName.length > 80 ? `${fileName.slice(0, 80)}…` : fileName;
  return new ServiceError('not_found', `There is no backup called “${name}” in ${folder}.`);
}

/**
 * The start-up error's sentence on what is wrong, without the command-line advice after it: the
 * recovery screen offers the backups itself.
 */
function firstSentences(message: string): string {
  const [what] = message.split(
    / (?=The newest good backup is |No backup of it passes its check\.|Restore it with )/,
  );
  return (what ?? message).trim();
}
