import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseError } from '../../src/main/db/DatabaseError';
import { LibraryBackups } from '../../src/main/db/LibraryBackups';
import { LibraryLock } from '../../src/main/db/LibraryLock';
import { openLibrary } from '../../src/main/services/openLibrary';
import { cli } from './helpers/cli';
import { canMakeFolderReadOnly, makeFolderReadOnly } from './helpers/readOnlyFiles';
import { projectRoot, sampleBriefPath, tempDir } from './helpers/tempLibrary';
import { unavailable } from './helpers/unavailable';

const children: ChildProcess[] = [];
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

const childScript = join(projectRoot, 'tests', 'unit', 'helpers', 'runWebModeChild.mjs');

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Web mode in a child process of its own, as `npm run web -- --db PATH` starts it. */
function webMode(dbPath: string): Started {
  const child = spawn(process.execPath, [childScript, '--port', '0', '--db', dbPath], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, output: () => output, exited };
}

async function serving(started: Started): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!/open http:\/\/127\.0\.0\.1:\d+\//.test(started.output())) {
    if (started.child.exitCode !== null) throw new Error(`web mode exited:\n${started.output()}`);
    if (Date.now() > deadline) throw new Error(`web mode did not start:\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function hashes(dbPath: string): Record<string, string | null> {
  return Object.fromEntries(
    ['', '-wal'].map((suffix) => {
      const path = `${dbPath}${suffix}`;
      const digest = existsSync(path)
        ? createHash('sha256').update(readFileSync(path)).digest('hex')
        : null;
      return [suffix || 'library', digest];
    }),
  );
}

function lockHolder(dbPath: string): { pid: number; kind: string } {
  return JSON.parse(readFileSync(LibraryLock.pathFor(dbPath), 'utf8')) as {
    pid: number;
    kind: string;
  };
}

describe('one Briefmark app per library', () => {
  it('refuses a second web mode on the same library, leaving it untouched; the CLI reads but does not restore', async () => {
    const dbPath = join(tempDir(), 'library.sqlite3');
    const library = openLibrary({ dbPath, sampleBriefPath });
    await library.welcome();
    library.close();
    const backup = await new LibraryBackups(dbPath).takeBackup('manual');

    const first = webMode(dbPath);
    await serving(first);
    expect(lockHolder(dbPath)).toMatchObject({ pid: first.child.pid, kind: 'web' });
    const before = hashes(dbPath);

    const second = webMode(dbPath);
    expect(await second.exited).toBe(1);
    expect(second.output().trim()).toMatch(
      new RegExp(
        `^briefmark web: Briefmark is already open with the library at ${escape(dbPath)}: ` +
          `Briefmark web mode \\(process ${first.child.pid}, started at \\d\\d:\\d\\d\\)\\. ` +
          `Switch to its page in the browser, or stop it first \\(Ctrl\\+C where it runs\\)\\.$`,
      ),
    );
    expect(hashes(dbPath)).toEqual(before);

    // Reading from the command line goes on; replacing the library under the app does not.
    const listed = await cli(['list', '--db', dbPath]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('128 SPE 24 E');
    const restored = await cli(['restore', backup.path, '--db', dbPath]);
    expect(restored.code).toBe(1);
    expect(restored.stderr).toMatch(
      new RegExp(
        `^briefmark: Briefmark did not restore the backup: Briefmark is already open with the library at ${escape(dbPath)}: Briefmark web mode \\(process ${first.child.pid}, .*\\. Nothing was changed\\.$`,
      ),
    );
    expect(hashes(dbPath)).toEqual(before);

    // Stopped as Ctrl+C stops it: the lock goes with it and the next web mode starts.
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(existsSync(LibraryLock.pathFor(dbPath))).toBe(false);
    const third = webMode(dbPath);
    await serving(third);
    expect(lockHolder(dbPath)).toMatchObject({ pid: third.child.pid, kind: 'web' });
  }, 90_000);

  it('takes over the lock of a web mode that was killed', async () => {
    const dbPath = join(tempDir(), 'library.sqlite3');
    const first = webMode(dbPath);
    await serving(first);
    first.child.kill('SIGKILL');
    await first.exited;
    // Left behind by the crash, naming a process that is gone.
    expect(lockHolder(dbPath).pid).toBe(first.child.pid);

    const second = webMode(dbPath);
    await serving(second);
    expect(lockHolder(dbPath)).toMatchObject({ pid: second.child.pid, kind: 'web' });
  }, 60_000);
});

describe('LibraryLock', () => {
  function writeLock(dbPath: string, holder: object): void {
    writeFileSync(LibraryLock.pathFor(dbPath), JSON.stringify(holder));
  }

  const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid!;

  it('is refused while held, naming the holder, and free again once released', () => {
    const dbPath = join(tempDir(), 'library.sqlite3');
    const now = new Date();
    const lock = LibraryLock.acquire(dbPath, 'desktop', now)!;
    cleanups.push(() => lock.release());
    expect(() => LibraryLock.acquire(dbPath, 'web', now)).toThrowError(DatabaseError);
    try {
      LibraryLock.acquire(dbPath, 'web', now);
    } catch (error) {
      expect((error as DatabaseError).code).toBe('library_in_use');
      expect((error as DatabaseError).message).toMatch(
        /: the Briefmark app \(process \d+, started at \d\d:\d\d\)\. Switch to that window, or close it first\.$/,
      );
    }
    lock.release();
    expect(existsSync(LibraryLock.pathFor(dbPath))).toBe(false);
    LibraryLock.acquire(dbPath, 'web', now)!.release();
  });

  it('treats a lock as stale when its process is gone or began before this boot', () => {
    const dbPath = join(tempDir(), 'library.sqlite3');
    const now = new Date();
    writeLock(dbPath, {
      pid: deadPid(),
      kind: 'desktop',
      startedAt: now.toISOString(),
      host: hostname(),
    });
    expect(LibraryLock.holder(dbPath, now)).toBeNull();

    // The parent of this process is running, but the lock predates the computer's start.
    const beforeBoot = new Date(now.getTime() - uptime() * 1000 - 60_000);
    writeLock(dbPath, {
      pid: process.ppid,
      kind: 'desktop',
      startedAt: beforeBoot.toISOString(),
      host: hostname(),
    });
    expect(LibraryLock.holder(dbPath, now)).toBeNull();
    const lock = LibraryLock.acquire(dbPath, 'web', now)!;
    expect(lockHolder(dbPath)).toMatchObject({ pid: process.pid, kind: 'web' });
    lock.release();
  });

  it('respects a lock from another computer and says how to clear it', () => {
    const dbPath = join(tempDir(), 'library.sqlite3');
    const now = new Date();
    const yesterday = new Date(now.getTime() - 24 * 60 * 60 * 1000);
    writeLock(dbPath, {
      pid: 4242,
      kind: 'desktop',
      startedAt: yesterday.toISOString(),
      host: 'office-pc',
    });
    expect(() => LibraryLock.acquire(dbPath, 'desktop', now)).toThrowError(
      new RegExp(
        `the Briefmark app on the computer “office-pc” \\(process 4242, started on \\d{4}-\\d\\d-\\d\\d at \\d\\d:\\d\\d\\)\\. Close it there first\\. If that computer is off or Briefmark stopped there without closing, delete ${escape(LibraryLock.pathFor(dbPath))} and try again\\.$`,
      ),
    );
  });

  it('waits for a lock file being written, and takes over one left half-written', () => {
    const dbPath = join(tempDir(), 'library.sqlite3');
    const now = new Date();
    writeFileSync(LibraryLock.pathFor(dbPath), '');
    expect(() => LibraryLock.acquire(dbPath, 'desktop', now)).toThrowError(
      /is already opening the library/,
    );
    const aMinuteAgo = new Date(now.getTime() - 60_000);
    utimesSync(LibraryLock.pathFor(dbPath), aMinuteAgo, aMinuteAgo);
    LibraryLock.acquire(dbPath, 'desktop', now)!.release();
  });

  it.skipIf(
    unavailable(
      canMakeFolderReadOnly,
      'the read-only folder lock test',
      'this machine cannot make a folder read-only (chmod as a user, a read-only bind mount as root)',
    ),
  )('is not needed for a library in a read-only folder', () => {
    const folder = join(tempDir(), 'library');
    mkdirSync(folder);
    const readOnly = makeFolderReadOnly(folder);
    cleanups.push(readOnly.undo);
    expect(LibraryLock.acquire(join(readOnly.path, 'library.sqlite3'), 'desktop')).toBeNull();
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
