import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Environment variable `npm start` sets to the Electron-ABI better_sqlite3.node it prepared. */
export const SQLITE_BINDING_ENV_VAR = 'BRIEFMARK_SQLITE_BINDING';

/**
 * The better_sqlite3.node built for this Electron, kept apart from the Node-ABI build that tests,
 * the CLI and web mode load. Undefined means "use better-sqlite3's own build": right for a
 * packaged app, whose packager rebuilds the module for Electron.
 */
export function electronSqliteBinding(options: {
  appPath: string;
  electronVersion: string;
  isPackaged: boolean;
  env: NodeJS.ProcessEnv;
}): string | undefined {
  const fromEnv = options.env[SQLITE_BINDING_ENV_VAR];
  if (fromEnv) return fromEnv;
  if (options.isPackaged) return undefined;
  // Same layout as scripts/electronSqlite.mjs writes.
  const built = join(
    options.appPath,
    'node_modules',
    '.briefmark',
    'electron-abi',
    options.electronVersion,
    'better_sqlite3.node',
  );
  return existsSync(built) ? built : undefined;
}
