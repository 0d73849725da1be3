import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { createDispatch } from '../api/dispatch';
import { resolveDatabasePath } from '../dataLocation';
import { LibraryLock } from '../db/LibraryLock';
import { createSourceWorkerImporter } from '../import/worker/createSourceWorkerImporter';
import { LibraryHost } from '../services/LibraryHost';
import { startWebServer } from './startWebServer';

export interface WebModeOptions {
  argv: string[];
  rendererDir: string;
  sampleBriefPath: string;
}

/** `npm run web [-- --port N --db PATH --open]`: serves the app on 127.0.0.1 until stopped. */
export async function runWebMode(options: WebModeOptions): Promise<void> {
  const { values } = parseArgs({
    args: options.argv,
    options: {
      port: { type: 'string' },
      db: { type: 'string' },
      open: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a number from 0 to 65535, not “${values.port}”.`);
  }
  const dbPath = resolveDatabasePath({ argv: options.argv, env: process.env });
  // Taken before the library is touched, so a second Briefmark on it leaves it as it is;
  // released when the process exits.
  LibraryLock.acquire(dbPath, 'web');
  // A damaged library does not stop web mode: the page offers its backups instead.
  const host = LibraryHost.forFile({
    dbPath,
    sampleBriefPath: options.sampleBriefPath,
    runImport: createSourceWorkerImporter(),
  }).open();
  const server = await startWebServer({
    dispatch: createDispatch(host),
    rendererDir: options.rendererDir,
    port,
  });
  console.log(`Briefmark web mode: open ${server.url}`);
  console.log(`Library: ${dbPath}. Press Ctrl+C to stop.`);
  if (host.problem) {
    console.log(`${host.problem.message} Open the page to restore one of its backups.`);
  }
  if (values.open) openInBrowser(server.url);

  const stop = () => {
    void server.close().then(() => {
      host.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Opens the system browser where there is a display; otherwise the printed URL is enough. */
function openInBrowser(url: string): void {
  const platform = process.platform;
  if (platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  const [command, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
        : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}
