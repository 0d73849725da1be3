import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Electron derives userData from this name; the CLI and web mode compute the same folder. */
export const APP_DIR_NAME = 'Briefmark';
export const DATABASE_FILE_NAME = 'library.sqlite3';
export const DATABASE_ENV_VAR = 'BRIEFMARK_DB';

/** The per-user data folder as Electron's `app.getPath('userData')` computes it. */
export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') {
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  }
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_DIR_NAME);
}

/** The value after `--db` (or in `--db=PATH`), if given. */
export function dbFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--db') return argv[i + 1];
    if (arg.startsWith('--db=')) return arg.slice('--db='.length);
  }
  return undefined;
}

/** `--db PATH` wins over BRIEFMARK_DB, which wins over the user's data folder. */
export function resolveDatabasePath(options: {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  userDataDir?: string;
}): string {
  const explicit = dbFlag(options.argv) ?? options.env[DATABASE_ENV_VAR];
  if (explicit) return resolve(explicit);
  return join(options.userDataDir ?? defaultUserDataDir(), DATABASE_FILE_NAME);
}
