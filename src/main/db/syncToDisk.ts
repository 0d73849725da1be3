import { closeSync, fsyncSync, openSync } from 'node:fs';

/** Flushes a written file to the disk, so a rename after it never exposes a half-written file. */
export function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename in `folder` survive power loss; Windows cannot open folders, and needs none. */
export function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
