// Builds the app (electron-vite) when the renderer bundle is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
export const rendererDir = join(projectRoot, 'out', 'renderer');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function rendererIsStale() {
  const built = join(rendererDir, 'index.html');
  if (!existsSync(built)) return true;
  const sources = ['src/renderer', 'src/shared'].map((dir) => newestMtime(join(projectRoot, dir)));
  return Math.max(...sources) > statSync(built).mtimeMs;
}

/** Returns true when the build is up to date (or was brought up to date). */
export function ensureBuilt({ quiet = false } = {}) {
  if (!rendererIsStale()) return true;
  if (!quiet) console.log('Building Briefmark…');
  const result = spawnSync(
    process.execPath,
    [
      join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
      'build',
      '--logLevel',
      'warn',
    ],
    { cwd: projectRoot, stdio: 'inherit' },
  );
  return result.status === 0;
}
