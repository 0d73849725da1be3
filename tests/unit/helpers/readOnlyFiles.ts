import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * Read-only files as this process sees them. A normal user's chmod does it. Root ignores file
 * permissions (tests often run as root in containers), so there the file gets the immutable flag
 * (`chattr +i`, what "Locked" in the macOS Finder is) and a folder a read-only bind mount, which
 * is what a read-only volume looks like. Each returns the undo, or null where this machine
 * allows neither; the tests that need one are skipped there, saying why.
 */

const isRoot = process.getuid?.() === 0;

/** Makes the file read-only; returns how to make it writable again. */
export function makeFileReadOnly(path: string): () => void {
  if (!isRoot) {
    chmodSync(path, 0o444);
    return () => chmodSync(path, 0o644);
  }
  execFileSync('chattr', ['+i', path]);
  return () => execFileSync('chattr', ['-i', path]);
}

/**
 * Makes the folder read-only; returns the path to use inside it (a read-only view for root,
 * the folder itself otherwise) and how to undo it.
 */
export function makeFolderReadOnly(folder: string): { path: string; undo: () => void } {
  if (!isRoot) {
    chmodSync(folder, 0o555);
    return { path: folder, undo: () => chmodSync(folder, 0o755) };
  }
  const view = `${folder}-read-only`;
  mkdirSync(view);
  execFileSync('mount', ['--bind', folder, view]);
  try {
    execFileSync('mount', ['-o', 'remount,ro,bind', view]);
  } catch (error) {
    execFileSync('umount', [view]);
    rmSync(view, { recursive: true });
    throw error;
  }
  return {
    path: view,
    undo: () => {
      execFileSync('umount', [view]);
      rmSync(view, { recursive: true });
    },
  };
}

/** Whether a write to a file made read-only here is really refused. */
export const canMakeFileReadOnly = probe(() => {
  const dir = join(tmpdir(), `briefmark-probe-${process.pid}-file`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'probe');
  writeFileSync(file, 'x');
  const undo = makeFileReadOnly(file);
  try {
    return refusesWrites(file);
  } finally {
    undo();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Whether a file in a folder made read-only here is really refused writes. */
export const canMakeFolderReadOnly = probe(() => {
  const dir = join(tmpdir(), `briefmark-probe-${process.pid}-folder`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'probe'), 'x');
  const { path, undo } = makeFolderReadOnly(dir);
  try {
    return refusesWrites(join(path, 'probe'));
  } finally {
    undo();
    rmSync(dir, { recursive: true, force: true });
  }
});

function refusesWrites(file: string): boolean {
  try {
    closeSync(openSync(file, 'r+'));
    return false;
  } catch {
    return true;
  }
}

function probe(attempt: () => boolean): boolean {
  try {
    return attempt();
  } catch {
    return false;
  }
}
