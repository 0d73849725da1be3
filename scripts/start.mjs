#!/usr/bin/env node
// `npm start [-- --db PATH --port N]`: builds Briefmark and opens the desktop app. Where the
// Electron runtime or its database engine cannot be obtained, or there is no display, it says so
// in one sentence and starts web mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronBinary } from './electronBinary.mjs';
import { ensureElectronSqlite } from './electronSqlite.mjs';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const logFile = join(projectRoot, 'node_modules', '.briefmark', 'start.log');
const WEB_INSTEAD = 'so it is starting in web mode instead';

const say = (line) => console.log(line);

function parseArgs(argv) {
  const options = { db: undefined, port: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (name === '--db' || name === '--port') {
      const value = inline ?? argv[++i];
      if (!value) fail(`${name} needs a value.`);
      options[name.slice(2)] = value;
    } else {
      say(`Ignoring unknown option ${arg} (npm start accepts --db PATH and --port N).`);
    }
  }
  return options;
}

function fail(sentence) {
  console.error(sentence);
  process.exit(2);
}

function hasDisplay() {
  if (
    process.platform !== 'linux' &&
    process.platform !== 'freebsd' &&
    process.platform !== 'openbsd'
  ) {
    return true;
  }
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function saveLog(text) {
  try {
    mkdirSync(join(logFile, '..'), { recursive: true });
    writeFileSync(logFile, text);
    return ` (details in ${logFile})`;
  } catch {
    return '';
  }
}

function binarySentence(result) {
  if (result.reason === 'not-installed') {
    return `The Electron package is not installed (npm install without dev dependencies leaves it out), ${WEB_INSTEAD}.`;
  }
  if (result.reason === 'offline') {
    return `Briefmark could not download the Electron runtime (no access to its download server), ${WEB_INSTEAD}${saveLog(result.log)}.`;
  }
  return `Briefmark could not install the Electron runtime, ${WEB_INSTEAD}${saveLog(result.log)}.`;
}

function sqliteSentence(result) {
  if (result.reason === 'offline') {
    return `Briefmark could not download its database engine built for Electron (no access to its download servers), ${WEB_INSTEAD}${saveLog(result.log)}.`;
  }
  return `Briefmark could not build its database engine for Electron (this needs Python and a C++ compiler when no prebuilt one fits), ${WEB_INSTEAD}${saveLog(result.log)}.`;
}

/** Runs `command`, passing on its exit code; Ctrl-C reaches it through the terminal. */
function runToExit(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: projectRoot, stdio: 'inherit', env });
  const ignore = () => {};
  process.on('SIGINT', ignore);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('error', (error) => {
    console.error(`Could not run ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function startWebMode(sentence, options) {
  say(sentence);
  const webScript = join(projectRoot, 'scripts', 'web.mjs');
  if (!existsSync(webScript)) {
    console.error('Web mode is missing from this copy of Briefmark (scripts/web.mjs not found).');
    process.exit(1);
  }
  const args = [webScript, '--open'];
  if (options.port) args.push('--port', options.port);
  if (options.db) args.push('--db', options.db);
  runToExit(process.execPath, args);
}

function build() {
  const electronVite = join(
    projectRoot,
    'node_modules',
    'electron-vite',
    'bin',
    'electron-vite.js',
  );
  const result = spawnSync(process.execPath, [electronVite, 'build', '--logLevel', 'warn'], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  return result.status === 0;
}

const options = parseArgs(process.argv.slice(2));

if (!hasDisplay()) {
  startWebMode(`There is no display to open the desktop window on, ${WEB_INSTEAD}.`, options);
} else {
  const binary = await ensureElectronBinary(projectRoot, { onProgress: say });
  const sqlite = binary.ok ? await ensureElectronSqlite(projectRoot, { onProgress: say }) : null;
  if (!binary.ok) {
    startWebMode(binarySentence(binary), options);
  } else if (!sqlite.ok) {
    startWebMode(sqliteSentence(sqlite), options);
  } else if (!build()) {
    console.error('Briefmark could not be built; see the errors above.');
    process.exit(1);
  } else {
    const env = { ...process.env, BRIEFMARK_SQLITE_BINDING: sqlite.bindingPath };
    // Set by some tools; it would make Electron behave as plain Node and ignore the app.
    delete env.ELECTRON_RUN_AS_NODE;
    const args = [projectRoot];
    if (options.db) args.push('--db', options.db);
    runToExit(binary.executable, args, env);
  }
}
