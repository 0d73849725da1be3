import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

export const projectRoot = join(import.meta.dirname, '..', '..', '..');
export const corpusDir = join(projectRoot, '..', 'shared', 'corpus');
export const sampleBriefPath = join(projectRoot, 'resources', 'sample-brief.txt');

const created: string[] = [];
afterEach(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder for a real database file, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefmark-test-'));
  created.push(dir);
  return dir;
}

export function tempDbPath(): string {
  return join(tempDir(), 'library.sqlite3');
}
