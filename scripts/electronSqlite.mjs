#!/usr/bin/env node
// better-sqlite3 built for Electron's ABI, kept beside (never instead of) the Node-ABI build in
// node_modules/better-sqlite3/build that tests, the CLI and web mode load.
// CLI: `node scripts/electronSqlite.mjs [--verbose]` prints the binding's path.
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronVersion } from './electronBinary.mjs';
import { looksLikeNetworkFailure, runTimed } from './runTimed.mjs';

const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';
const PREBUILT_TIMEOUT_MS = 3 * 60 * 1000;
const HEADERS_TIMEOUT_MS = 3 * 60 * 1000;
const COMPILE_TIMEOUT_MS = 20 * 60 * 1000;

/** Where the Electron-ABI better_sqlite3.node for `version` lives (src/main reads the same path). */
export function electronSqliteBindingPath(projectRoot, version) {
  return join(
    projectRoot,
    'node_modules',
    '.briefmark',
    'electron-abi',
    version,
    'better_sqlite3.node',
  );
}

function findNodeGyp(projectRoot) {
  const candidates = [process.env.npm_config_node_gyp];
  try {
    candidates.push(
      createRequire(join(projectRoot, 'package.json')).resolve('node-gyp/bin/node-gyp.js'),
    );
  } catch {
    // Not a project dependency; npm ships its own below.
  }
  const nodeDir = dirname(process.execPath);
  candidates.push(
    join(
      nodeDir,
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
    join(nodeDir, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  );
  return candidates.find((candidate) => candidate && existsSync(candidate)) ?? null;
}

function findPrebuildInstall(...packageDirs) {
  for (const dir of packageDirs) {
    try {
      return createRequire(join(dir, 'package.json')).resolve('prebuild-install/bin.js');
    } catch {
      // Try the next place it may be hoisted to.
    }
  }
  return null;
}

/**
 * Ensures the Electron-ABI build exists: first a prebuilt binary (prebuild-install), else a
 * compile against Electron's headers (node-gyp), both in a scratch copy of better-sqlite3.
 * Resolves to { ok: true, bindingPath, how } or { ok: false, reason: 'offline' | 'failed', log }.
 */
export async function ensureElectronSqlite(
  projectRoot,
  {
    version = electronVersion(projectRoot),
    arch = process.arch,
    platform = process.platform,
    onProgress = () => {},
  } = {},
) {
  if (!version)
    return { ok: false, reason: 'failed', log: 'The electron package is not installed.' };
  const bindingPath = electronSqliteBindingPath(projectRoot, version);
  if (existsSync(bindingPath)) return { ok: true, bindingPath, how: 'existing' };

  const sourceDir = join(projectRoot, 'node_modules', 'better-sqlite3');
  if (!existsSync(join(sourceDir, 'package.json'))) {
    return { ok: false, reason: 'failed', log: 'better-sqlite3 is not installed.' };
  }
  const scratch = mkdtempSync(join(tmpdir(), 'briefmark-sqlite-'));
  const moduleDir = join(scratch, 'better-sqlite3');
  const log = [];
  try {
    // The Node-ABI build stays where it is: the scratch copy leaves build/ behind.
    const realSource = realpathSync(sourceDir);
    const skipped = join(realSource, 'build');
    cpSync(realSource, moduleDir, {
      recursive: true,
      dereference: true,
      filter: (path) => path !== skipped && !path.startsWith(skipped + sep),
    });
    const built = join(moduleDir, 'build', 'Release', 'better_sqlite3.node');

    onProgress(`Fetching the database engine built for Electron ${version}…`);
    if (existsSync(built)) throw new Error(`${built} should not exist in a fresh copy.`);
    const prebuildInstall = findPrebuildInstall(realSource, projectRoot);
    let how = 'prebuilt';
    if (prebuildInstall) {
      const args = [
        prebuildInstall,
        '--runtime',
        'electron',
        '--target',
        version,
        '--arch',
        arch,
        '--platform',
        platform,
      ];
      const result = await runTimed(process.execPath, args, {
        cwd: moduleDir,
        timeoutMs: PREBUILT_TIMEOUT_MS,
      });
      log.push(`$ prebuild-install ${args.slice(1).join(' ')}\n${result.output}`);
    }
    if (!existsSync(built)) {
      how = 'compiled';
      const compiled = await compileForElectron(
        projectRoot,
        moduleDir,
        version,
        arch,
        onProgress,
        log,
      );
      if (!compiled.ok) {
        return { ok: false, reason: compiled.reason, log: log.join('\n') };
      }
    }
    if (!existsSync(built)) return { ok: false, reason: 'failed', log: log.join('\n') };
    mkdirSync(dirname(bindingPath), { recursive: true });
    // Copy then rename, so an interrupted run never leaves a half-written binding behind.
    copyFileSync(built, `${bindingPath}.partial`);
    renameSync(`${bindingPath}.partial`, bindingPath);
    return { ok: true, bindingPath, how };
  } catch (error) {
    log.push(String(error?.stack ?? error));
    return { ok: false, reason: 'failed', log: log.join('\n') };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function compileForElectron(projectRoot, moduleDir, version, arch, onProgress, log) {
  const nodeGyp = findNodeGyp(projectRoot);
  if (!nodeGyp) {
    log.push('node-gyp was not found (neither in npm nor in node_modules).');
    return { ok: false, reason: 'failed' };
  }
  // Electron's headers live apart from Node's in node-gyp's cache.
  const common = [
    `--target=${version}`,
    `--arch=${arch}`,
    `--dist-url=${ELECTRON_HEADERS_URL}`,
    `--devdir=${join(homedir(), '.electron-gyp')}`,
  ];
  const headers = await runTimed(process.execPath, [nodeGyp, 'install', ...common], {
    cwd: moduleDir,
    timeoutMs: HEADERS_TIMEOUT_MS,
  });
  log.push(`$ node-gyp install ${common.join(' ')}\n${headers.output}`);
  if (headers.code !== 0) {
    return { ok: false, reason: looksLikeNetworkFailure(headers) ? 'offline' : 'failed' };
  }
  onProgress('Compiling the database engine for Electron (first start only, a few minutes)…');
  const rebuild = await runTimed(process.execPath, [nodeGyp, 'rebuild', '--release', ...common], {
    cwd: moduleDir,
    timeoutMs: COMPILE_TIMEOUT_MS,
  });
  log.push(`$ node-gyp rebuild --release ${common.join(' ')}\n${rebuild.output}`);
  return rebuild.code === 0 ? { ok: true } : { ok: false, reason: 'failed' };
}

const isCli = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isCli) {
  const projectRoot = fileURLToPath(new URL('..', import.meta.url));
  const verbose = process.argv.includes('--verbose');
  const result = await ensureElectronSqlite(projectRoot, {
    onProgress: (line) => console.error(line),
  });
  if (result.ok) {
    console.log(result.bindingPath);
  } else {
    if (verbose) console.error(result.log);
    console.error(
      result.reason === 'offline'
        ? 'Could not build better-sqlite3 for Electron: its download servers (GitHub, electronjs.org) are out of reach.'
        : 'Could not build better-sqlite3 for Electron; run with --verbose to see why.',
    );
    process.exitCode = 1;
  }
}
