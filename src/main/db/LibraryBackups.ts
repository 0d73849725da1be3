import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import {
  backupFileName,
  libraryStem,
  parseBackupFileName,
  type BackupReason,
} from './backupFileName';
import { checkLibraryFile, type LibraryFileCheck } from './checkLibraryFile';
import { DatabaseError } from './DatabaseError';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { syncFile, syncFolder } from './syncToDisk';

export const BACKUPS_FOLDER_NAME = 'backups';
export const DAILY_BACKUPS_KEPT = 7;
export const MIGRATION_BACKUPS_KEPT = 3;
export const DAILY_BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** A daily backup dated this far ahead means the clock was set back: take a fresh one. */
const CLOCK_SET_BACK_MS = 60 * 60 * 1000;
/** A half-written backup this old belongs to no backup still running: it is removed. */
const STALE_PARTIAL_MS = DAILY_BACKUP_INTERVAL_MS;
/** A restore's copy this old was left by a restore that was killed: no restore takes an hour. */
const STALE_RESTORING_MS = 60 * 60 * 1000;
/** Pages copied per step of an online backup; the library is free for other work between steps. */
const PAGES_PER_STEP = 256;

export interface BackupFile {
  path: string;
  fileName: string;
  reason: BackupReason;
  takenAt: Date;
  bytes: number;
  /** 0, or 2, 3… for further backups with the same reason in the same second. */
  counter: number;
}

export interface CheckedBackup extends BackupFile {
  check: LibraryFileCheck;
}

export interface RestoreResult {
  /** The backup restored. */
  restored: string;
  library: string;
  /** Where the library was saved before it was replaced; null when there was no library. */
  previous: CheckedBackup | null;
  /** True when the library was too damaged to copy through SQLite and its files were copied. */
  previousCopiedAsIs: boolean;
}

export interface LibraryBackupsOptions {
  now?: () => Date;
  nativeBinding?: string;
}

export interface TakeBackupOptions {
  /** An open connection to the library; without one the backup opens its own. */
  source?: Database.Database;
  /** Checked between steps: true abandons the backup (the library is closing). */
  shouldStop?: () => boolean;
}

/**
 * The backups of one library file, kept in a `backups` folder beside it: taking them (each
 * checked before it counts), rotating them, listing them and restoring one.
 */
export class LibraryBackups {
  readonly libraryPath: string;
  readonly folder: string;
  private readonly stem: string;
  private readonly now: () => Date;
  private readonly checks = new Map<string, { stamp: string; check: LibraryFileCheck }>();

  constructor(
    libraryPath: string,
    private readonly options: LibraryBackupsOptions = {},
  ) {
    this.libraryPath = resolve(libraryPath);
    this.folder = join(dirname(this.libraryPath), BACKUPS_FOLDER_NAME);
    this.stem = libraryStem(this.libraryPath);
    this.now = options.now ?? (() => new Date());
  }

  /** The backups on disk, newest first, without opening them. */
  files(): BackupFile[] {
    let names: string[];
    try {
      names = readdirSync(this.folder);
    } catch {
      return [];
    }
    return names
      .map((name) => this.describe(join(this.folder, name)))
      .filter((file): file is BackupFile => file !== null)
      .sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime() || b.counter - a.counter);
  }

  /** The backups, newest first, each with the result of a `quick_check`. */
  list(): CheckedBackup[] {
    return this.files().map((file) => ({ ...file, check: this.checkBackup(file) }));
  }

  /** A backup's `quick_check` result, remembered until the file changes. */
  checkBackup(file: BackupFile): LibraryFileCheck {
    let stamp: string;
    try {
      const stats = statSync(file.path);
      stamp = `${stats.size}:${stats.mtimeMs}`;
    } catch {
      return { ok: false, problems: ['the file is gone.'], schemaVersion: null };
    }
    const cached = this.checks.get(file.path);
    if (cached?.stamp === stamp) return cached.check;
    const check = checkLibraryFile(file.path, {
      depth: 'quick',
      nativeBinding: this.options.nativeBinding,
    });
    this.checks.set(file.path, { stamp, check });
    return check;
  }

  /** The newest backup that passes its check, the one to offer when the library is damaged. */
  newestGood(): CheckedBackup | null {
    for (const file of this.files()) {
      const check = this.checkBackup(file);
      if (check.ok) return { ...file, check };
    }
    return null;
  }

  /**
   * Copies the library with SQLite's online backup, a few pages at a time so the library stays
   * usable meanwhile, into a temporary file that becomes a backup only once it passes its check.
   */
  async takeBackup(reason: BackupReason, options: TakeBackupOptions = {}): Promise<CheckedBackup> {
    const takenAt = this.now();
    const own = options.source ? null : this.openLibrary();
    const source = options.source ?? own!;
    const temporary = this.temporaryPath();
    try {
      await source.backup(temporary, {
        progress: () => {
          if (options.shouldStop?.()) throw new Error('the library was closed during the backup');
          return PAGES_PER_STEP;
        },
      });
    } catch (error) {
      removeQuietly(temporary);
      throw this.backupFailed(error);
    } finally {
      own?.close();
    }
    return this.keep(temporary, reason, takenAt);
  }

  /**
   * The same as takeBackup, in one synchronous call, for use while the library is being opened.
   * `VACUUM INTO` rather than `backup()`: opening is synchronous and `backup()` is not, and
   * `VACUUM INTO` writes a consistent snapshot in one statement.
   */
  takeBackupSync(reason: BackupReason, source: Database.Database): CheckedBackup {
    const takenAt = this.now();
    const temporary = this.temporaryPath();
    try {
      source.prepare('VACUUM INTO ?').run(temporary);
    } catch (error) {
      removeQuietly(temporary);
      throw this.backupFailed(error);
    }
    return this.keep(temporary, reason, takenAt);
  }

  /** Milliseconds until a daily backup is due; 0 when it is due now. */
  msUntilDailyDue(): number {
    const newest = this.files().find((file) => file.reason === 'daily');
    if (!newest) return 0;
    const age = this.now().getTime() - newest.takenAt.getTime();
    if (age < -CLOCK_SET_BACK_MS) return 0;
    return Math.max(0, DAILY_BACKUP_INTERVAL_MS - age);
  }

  /** Takes the daily backup if the newest one is 24 hours old or there is none. */
  async takeDailyIfDue(options: TakeBackupOptions = {}): Promise<CheckedBackup | null> {
    if (this.msUntilDailyDue() > 0) return null;
    return this.takeBackup('daily', options);
  }

  /**
   * Replaces the library with a backup. The backup must pass `integrity_check` and be a library
   * this version can open; the library is first saved as a `before-restore` backup. The new file
   * is written beside the library and renamed over it, so a crash leaves the old or the new one.
   */
  restore(backupPath: string): RestoreResult {
    const source = resolve(backupPath);
    const refuse = (reason: string) =>
      new DatabaseError(
        'restore_refused',
        `Briefmark did not restore ${source}: ${reason} The library was left as it was.`,
      );
    if (!existsSync(source)) throw refuse('there is no such file.');
    if (source === this.libraryPath) throw refuse('that is the library itself.');
    const check = checkLibraryFile(source, {
      depth: 'full',
      nativeBinding: this.options.nativeBinding,
    });
    if (!check.ok) throw refuse(check.problems.join(' '));
    if ((check.schemaVersion ?? 0) > LATEST_SCHEMA_VERSION) {
      throw refuse(
        `it was saved by a newer version of Briefmark (schema ${check.schemaVersion}; this version knows up to ${LATEST_SCHEMA_VERSION}). Update Briefmark to restore it.`,
      );
    }

    const { previous, copiedAsIs } = this.saveBeforeRestore();
    const temporary = join(
      dirname(this.libraryPath),
      `.${basename(this.libraryPath)}.${randomBytes(6).toString('hex')}.restoring`,
    );
    try {
      const reader = this.open(source, { readonly: true });
      try {
        reader.prepare('VACUUM INTO ?').run(temporary);
      } finally {
        reader.close();
      }
      syncFile(temporary);
      // Removed before the rename, not after: SQLite would replay a stale WAL or rollback
      // journal of the old library onto the new file. The old library is saved already.
      for (const suffix of ['-wal', '-shm', '-journal']) {
        rmSync(`${this.libraryPath}${suffix}`, { force: true });
      }
      renameSync(temporary, this.libraryPath);
      syncFolder(dirname(this.libraryPath));
    } catch (error) {
      removeQuietly(temporary);
      const saved = previous ? ` The library before the restore is saved at ${previous.path}.` : '';
      throw new DatabaseError(
        'restore_failed',
        `Briefmark could not restore ${source}: ${(error as Error).message}.${saved}`,
      );
    }
    return {
      restored: source,
      library: this.libraryPath,
      previous,
      previousCopiedAsIs: copiedAsIs,
    };
  }

  // Saves the library as it is now. A library SQLite can still read is copied through SQLite;
  // a damaged one has its files copied byte for byte, so nothing of it is lost.
  private saveBeforeRestore(): { previous: CheckedBackup | null; copiedAsIs: boolean } {
    if (!existsSync(this.libraryPath)) return { previous: null, copiedAsIs: false };
    const lock = this.lockLibrary();
    if (lock) {
      try {
        return { previous: this.takeBackupSync('before-restore', lock), copiedAsIs: false };
      } catch {
        // Damaged in a way the copy's check found: fall through to the byte-for-byte copy.
      } finally {
        lock.close();
      }
    }
    return { previous: this.copyAsIs('before-restore'), copiedAsIs: true };
  }

  // An exclusive lock on the library, which SQLite grants only when no other connection, in this
  // process or another, has it open. Null when the file is too damaged to lock.
  private lockLibrary(): Database.Database | null {
    let db: Database.Database;
    try {
      db = this.open(this.libraryPath, {});
    } catch {
      return null;
    }
    try {
      db.pragma('busy_timeout = 0');
      db.pragma('locking_mode = EXCLUSIVE');
      db.exec('BEGIN EXCLUSIVE');
      db.exec('COMMIT');
      return db;
    } catch (error) {
      db.close();
      if (/locked|busy/i.test((error as Error).message)) {
        throw new DatabaseError(
          'database_locked',
          `The library at ${this.libraryPath} is open in Briefmark or another program. Close it, then restore again; nothing was changed.`,
        );
      }
      return null;
    }
  }

  private copyAsIs(reason: BackupReason): CheckedBackup {
    const path = this.freePath(this.now(), reason);
    const wal = `${this.libraryPath}-wal`;
    // The WAL first: the copy must never be seen without the writes the WAL holds.
    if (existsSync(wal)) this.copyDurably(wal, `${path}-wal`);
    this.copyDurably(this.libraryPath, path);
    const file = this.describe(path)!;
    return { ...file, check: this.checkBackup(file) };
  }

  private copyDurably(from: string, to: string): void {
    const temporary = this.temporaryPath();
    try {
      copyFileSync(from, temporary);
      syncFile(temporary);
      renameSync(temporary, to);
      syncFolder(this.folder);
    } catch (error) {
      removeQuietly(temporary);
      throw this.backupFailed(error);
    }
  }

  // Turns a finished temporary copy into a backup if it passes its check.
  private keep(temporary: string, reason: BackupReason, takenAt: Date): CheckedBackup {
    try {
      // backup() copies the WAL flag in the header; in rollback mode the backup opens read-only
      // without leaving -wal and -shm files beside it.
      const db = this.open(temporary, {});
      try {
        db.pragma('journal_mode = DELETE');
      } finally {
        db.close();
      }
      syncFile(temporary);
      const check = checkLibraryFile(temporary, {
        depth: 'quick',
        nativeBinding: this.options.nativeBinding,
      });
      if (!check.ok) {
        throw new DatabaseError(
          'backup_failed',
          `The backup of ${this.libraryPath} failed its check and was deleted: ${check.problems.join(' ')}`,
        );
      }
      const path = this.freePath(takenAt, reason);
      renameSync(temporary, path);
      syncFolder(this.folder);
      this.rotate();
      const file = this.describe(path)!;
      return { ...file, check };
    } catch (error) {
      removeQuietly(temporary);
      throw error instanceof DatabaseError ? error : this.backupFailed(error);
    }
  }

  // Keeps the newest daily and pre-migration backups; manual and before-restore ones stay until
  // the user deletes them. Half-written copies left by a crash are removed too.
  private rotate(): void {
    const files = this.files();
    const daily = files.filter((file) => file.reason === 'daily');
    const migration = files.filter((file) => file.reason.startsWith('before-migration-'));
    for (const file of [
      ...daily.slice(DAILY_BACKUPS_KEPT),
      ...migration.slice(MIGRATION_BACKUPS_KEPT),
    ]) {
      removeQuietly(file.path);
      this.checks.delete(file.path);
    }
    const now = this.now().getTime();
    removeStale(this.folder, `.${this.stem}.`, '.partial', now - STALE_PARTIAL_MS);
    // A restore killed before its rename leaves a whole copy of a library beside the library.
    const libraryFolder = dirname(this.libraryPath);
    const libraryName = basename(this.libraryPath);
    removeStale(libraryFolder, `.${libraryName}.`, '.restoring', now - STALE_RESTORING_MS);
  }

  private describe(path: string): BackupFile | null {
    const fileName = basename(path);
    const parsed = parseBackupFileName(this.stem, fileName);
    if (!parsed) return null;
    try {
      return { path, fileName, ...parsed, bytes: statSync(path).size };
    } catch {
      return null;
    }
  }

  private freePath(takenAt: Date, reason: BackupReason): string {
    for (let counter = 0; ; counter = counter === 0 ? 2 : counter + 1) {
      const path = join(this.folder, backupFileName(this.stem, takenAt, reason, counter));
      if (!existsSync(path)) return path;
    }
  }

  // Hidden and not named like a backup, so a half-written copy is never listed or restored.
  private temporaryPath(): string {
    mkdirSync(this.folder, { recursive: true });
    const unique = `${process.pid}-${randomBytes(6).toString('hex')}`;
    return join(this.folder, `.${this.stem}.${unique}.partial`);
  }

  private openLibrary(): Database.Database {
    if (!existsSync(this.libraryPath)) {
      throw new DatabaseError(
        'backup_failed',
        `There is no library at ${this.libraryPath} to back up.`,
      );
    }
    const db = this.open(this.libraryPath, {});
    db.pragma('busy_timeout = 5000');
    return db;
  }

  private open(path: string, options: { readonly?: boolean }): Database.Database {
    return new Database(path, {
      ...options,
      fileMustExist: true,
      ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
    });
  }

  private backupFailed(error: unknown): DatabaseError {
    if (error instanceof DatabaseError) return error;
    const message = (error as Error).message.replace(/\.$/, '');
    const hint = /ENOSPC|SQLITE_FULL|disk is full/i.test(message)
      ? ' The disk is full: free some space.'
      : '';
    return new DatabaseError(
      'backup_failed',
      `Briefmark could not back up ${this.libraryPath} into ${this.folder}: ${message}.${hint}`,
    );
  }
}

function removeQuietly(path: string): void {
  rmSync(path, { force: true });
}

// Removes the files in `folder` named `<prefix>…<suffix>` last written before `staleBefore`.
function removeStale(folder: string, prefix: string, suffix: string, staleBefore: number): void {
  for (const name of readdirSync(folder)) {
    if (!name.startsWith(prefix) || !name.endsWith(suffix)) continue;
    const path = join(folder, name);
    try {
      if (statSync(path).mtimeMs < staleBefore) removeQuietly(path);
    } catch {
      // Gone already.
    }
  }
}
