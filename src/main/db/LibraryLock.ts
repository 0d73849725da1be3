import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { dirname } from 'node:path';
import { DatabaseError } from './DatabaseError';

/** Which Briefmark holds a library: the desktop app or web mode. The CLI never takes the lock. */
export type LibraryLockKind = 'desktop' | 'web';

export interface LibraryLockHolder {
  /** 0 for a lock file still being written by a Briefmark that is starting. */
  pid: number;
  kind: LibraryLockKind;
  /** ISO time the holder took the lock. */
  startedAt: string;
  host: string;
}

/** A lock file this new may still be being written by the process that created it. */
const BEING_WRITTEN_MS = 10_000;

/** Lock files taken by this process, which a second take in the same process must not steal. */
const heldHere = new Set<string>();

/**
 * One Briefmark app at a time per library: a `<library>.lock` file beside it, created exclusively,
 * naming the process that holds it. SQLite would keep two apps' writes intact, but two live
 * windows on one note each save their own text over the other's. A lock whose process is gone
 * (a crash, a reboot) is stale and taken over.
 */
export class LibraryLock {
  private released = false;
  private readonly releaseOnExit = () => this.release();

  private constructor(
    readonly path: string,
    private readonly holder: LibraryLockHolder,
  ) {
    heldHere.add(path);
    // Web mode and the desktop app both end with process.exit; a crash leaves a stale lock.
    process.once('exit', this.releaseOnExit);
  }

  /** The lock file of the library at `libraryPath`. */
  static pathFor(libraryPath: string): string {
    return `${libraryPath}.lock`;
  }

  /**
   * Takes the library's lock, or throws 'library_in_use' naming the Briefmark that holds it.
   * Null where the folder cannot be written: the library opens read-only, so no app can change it.
   */
  static acquire(
    libraryPath: string,
    kind: LibraryLockKind,
    now: Date = new Date(),
  ): LibraryLock | null {
    const path = LibraryLock.pathFor(libraryPath);
    const holder: LibraryLockHolder = {
      pid: process.pid,
      kind,
      startedAt: now.toISOString(),
      host: hostname(),
    };
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (error) {
      if (isReadOnlyError(error)) return null;
      throw error;
    }
    // Twice at most: the second try follows the removal of a stale lock.
    for (let attempt = 0; attempt < 2; attempt++) {
      const created = createExclusively(path, `${JSON.stringify(holder)}\n`);
      if (created === 'created') return new LibraryLock(path, holder);
      if (created === 'read-only') return null;
      const current = LibraryLock.holder(libraryPath, now);
      if (current) {
        throw new DatabaseError('library_in_use', libraryInUseMessage(libraryPath, current, now));
      }
      rmSync(path, { force: true });
    }
    throw new DatabaseError(
      'library_in_use',
      `Briefmark could not take the lock ${path} on the library at ${libraryPath}: another Briefmark took it at the same moment. Switch to that one, or close it and try again.`,
    );
  }

  /** The live Briefmark holding the library's lock, or null when none does (or it is stale). */
  static holder(libraryPath: string, now: Date = new Date()): LibraryLockHolder | null {
    const path = LibraryLock.pathFor(libraryPath);
    let text: string;
    let modifiedAt: number;
    try {
      text = readFileSync(path, 'utf8');
      modifiedAt = statSync(path).mtimeMs;
    } catch {
      return null;
    }
    const holder = parseHolder(text);
    if (!holder) {
      // Empty or cut short: being written right now, or left by a crash while being written.
      return now.getTime() - modifiedAt < BEING_WRITTEN_MS
        ? { pid: 0, kind: 'desktop', startedAt: new Date(modifiedAt).toISOString(), host: '' }
        : null;
    }
    // On another computer (a shared folder) nothing here can tell whether it is still running.
    if (holder.host !== hostname()) return holder;
    if (holder.pid === process.pid) return heldHere.has(path) ? holder : null;
    // Process numbers start again after a restart: a lock older than this boot is stale.
    const bootedAt = now.getTime() - uptime() * 1000;
    if (Date.parse(holder.startedAt) < bootedAt) return null;
    return isRunning(holder.pid) ? holder : null;
  }

  /** Removes the lock file, if it is still this process's. */
  release(): void {
    if (this.released) return;
    this.released = true;
    heldHere.delete(this.path);
    process.removeListener('exit', this.releaseOnExit);
    try {
      const current = parseHolder(readFileSync(this.path, 'utf8'));
      if (current?.pid === this.holder.pid && current.startedAt === this.holder.startedAt) {
        rmSync(this.path, { force: true });
      }
    } catch {
      // Already gone.
    }
  }
}

/** The sentence for a library that another Briefmark holds, for the CLI's restore too. */
export function libraryInUseMessage(
  libraryPath: string,
  holder: LibraryLockHolder,
  now: Date = new Date(),
): string {
  const what = holder.kind === 'web' ? 'Briefmark web mode' : 'the Briefmark app';
  const started = startedText(new Date(holder.startedAt), now);
  if (holder.pid === 0) {
    return `Briefmark is already opening the library at ${libraryPath} (started ${started}). Switch to that window, or close it first.`;
  }
  const which = `process ${holder.pid}, started ${started}`;
  if (holder.host !== hostname()) {
    return `Briefmark is already open with the library at ${libraryPath}: ${what} on the computer “${holder.host}” (${which}). Close it there first. If that computer is off or Briefmark stopped there without closing, delete ${LibraryLock.pathFor(libraryPath)} and try again.`;
  }
  const advice =
    holder.kind === 'web'
      ? 'Switch to its page in the browser, or stop it first (Ctrl+C where it runs).'
      : 'Switch to that window, or close it first.';
  return `Briefmark is already open with the library at ${libraryPath}: ${what} (${which}). ${advice}`;
}

function createExclusively(path: string, text: string): 'created' | 'exists' | 'read-only' {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
    if (isReadOnlyError(error)) return 'read-only';
    throw error;
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return 'created';
}

function isReadOnlyError(error: unknown): boolean {
  return ['EACCES', 'EPERM', 'EROFS'].includes((error as NodeJS.ErrnoException).code ?? '');
}

function parseHolder(text: string): LibraryLockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LibraryLockHolder>;
    if (
      typeof value.pid === 'number' &&
      Number.isInteger(value.pid) &&
      value.pid > 0 &&
      (value.kind === 'desktop' || value.kind === 'web') &&
      typeof value.startedAt === 'string' &&
      !Number.isNaN(Date.parse(value.startedAt)) &&
      typeof value.host === 'string'
    ) {
      return value as LibraryLockHolder;
    }
  } catch {
    // Not JSON: not a lock this version wrote whole.
  }
  return null;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** "at 10:42" today, "on 2026-11-27 at 10:42" another day; the computer's local time. */
function startedText(startedAt: Date, now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(startedAt.getHours())}:${pad(startedAt.getMinutes())}`;
  const day = `${startedAt.getFullYear()}-${pad(startedAt.getMonth() + 1)}-${pad(startedAt.getDate())}`;
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return day === today ? `at ${time}` : `on ${day} at ${time}`;
}
