import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { createDispatch } from '../api/dispatch';
import { resolveDatabasePath } from '../dataLocation';
import { createSourceWorkerImporter } from '../import/worker/createSourceWorkerImporter';
import { openLibrary } from '../services/openLibrary';
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
  const library = openLibrary({
    dbPath,
    sampleBriefPath: options.sampleBriefPath,
    runImport: createSourceWorkerImporter(),
  });
  const server = await startWebServer({
    dispatch: createDispatch(library),
    rendererDir: options.rendererDir,
    port,
  });
  console.log(`Briefmark web mode: open ${server.url}`);
  console.log(`Library: ${dbPath}. Press Ctrl+C to stop.`);
  if (values.open) openInBrowser(server.url);

  const stop = () => {
    void server.close().then(() => {
      library.close();
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
