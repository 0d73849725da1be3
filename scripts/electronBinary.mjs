// The Electron runtime: the `electron` package downloads its binary lazily from GitHub (or
// ELECTRON_MIRROR). This finds it, or tries that download once within a time limit.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTimed, looksLikeNetworkFailure } from './runTimed.mjs';

const DOWNLOAD_TIMEOUT_MS = 10 * 60 * 1000;

function electronPackageDir(projectRoot) {
  return join(projectRoot, 'node_modules', 'electron');
}

/** The installed Electron version (from node_modules/electron/package.json), or null. */
export function electronVersion(projectRoot) {
  try {
    const manifest = readFileSync(join(electronPackageDir(projectRoot), 'package.json'), 'utf8');
    return JSON.parse(manifest).version;
  } catch {
    return null;
  }
}

/** The Electron executable when its binary has been downloaded, else null. */
export function electronExecutable(projectRoot) {
  const dir = electronPackageDir(projectRoot);
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(dir, 'dist');
  const executable = join(distDir, relative);
  return existsSync(executable) ? executable : null;
}

/**
 * Makes sure the Electron binary is present, downloading it with the package's own installer
 * when missing. Resolves to { ok: true, executable } or { ok: false, reason, log } where reason
 * is 'not-installed' | 'offline' | 'failed'.
 */
export async function ensureElectronBinary(projectRoot, { onProgress = () => {} } = {}) {
  const existing = electronExecutable(projectRoot);
  if (existing) return { ok: true, executable: existing };
  const installer = join(electronPackageDir(projectRoot), 'install.js');
  if (!existsSync(installer)) return { ok: false, reason: 'not-installed', log: '' };

  onProgress('Downloading the Electron runtime (first start only, about 100 MB)…');
  const result = await runTimed(process.execPath, [installer], {
    cwd: electronPackageDir(projectRoot),
    timeoutMs: DOWNLOAD_TIMEOUT_MS,
  });
  const executable = electronExecutable(projectRoot);
  if (result.code === 0 && executable) return { ok: true, executable };
  return {
    ok: false,
    reason: looksLikeNetworkFailure(result) ? 'offline' : 'failed',
    log: result.output,
  };
}
