import { spawn } from 'node:child_process';
import { readWriterMessages, type WriterMessage } from './writerMessages';

export interface WriterOptions {
  script: string;
  dbPath: string;
  sampleBriefPath: string;
  seed: number;
  /** The writer backs up and restores over and over (see driveWrites). */
  backupsFirst?: boolean;
}

/** How a writer ended: killed as planned, or on its own (a failure), and what it had said. */
export interface WriterOutcome {
  messages: WriterMessage[];
  /** False when the writer exited before the kill: it crashed, or never got going. */
  killed: boolean;
  exitCode: number | null;
  stderr: string;
}

export interface Writer {
  /** Lets the loaded writer open the library; resolves once it is writing, rejects if it died. */
  go(timeoutMs: number): Promise<void>;
  /** Resolves once the writer has written `fragment` (of a message line) to stdout. */
  said(fragment: string, timeoutMs: number): Promise<void>;
  /** Resolves once the writer has loaded and waits for `go` or `start`. */
  loaded(timeoutMs: number): Promise<void>;
  /** Lets the writer open the library, without waiting for it: for kills during opening. */
  start(): void;
  /** SIGKILL, then everything it wrote to stdout before dying. */
  kill(): Promise<WriterOutcome>;
}

/** Starts a writer process; it loads its modules and waits for `go` before touching the library. */
export function startWriter(options: WriterOptions): Writer {
  const child = spawn(
    process.execPath,
    [
      options.script,
      '--db',
      options.dbPath,
      '--sample',
      options.sampleBriefPath,
      '--seed',
      String(options.seed),
      ...(options.backupsFirst ? ['--backups-first'] : []),
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  let killRequested = false;
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (stdout += chunk));
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  // The writer may die before reading "go"; a write to its closed stdin is not an error here.
  child.stdin.on('error', () => undefined);
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );

  const outcome = async (): Promise<WriterOutcome> => {
    const { code, signal } = await closed;
    return {
      messages: readWriterMessages(stdout),
      killed: killRequested && signal === 'SIGKILL',
      exitCode: code,
      stderr,
    };
  };

  const said = async (fragment: string, timeoutMs: number) => {
    const started = Date.now();
    while (!stdout.includes(fragment)) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`The writer exited before it said ${fragment}:\n${stderr.trim()}`);
      }
      if (Date.now() - started > timeoutMs) {
        throw new Error(
          `The writer had not said ${fragment} after ${timeoutMs} ms:\n${stderr.trim()}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };

  return {
    said,
    loaded: (timeoutMs) => said('"type":"loaded"', timeoutMs),
    start() {
      child.stdin.write('go\n');
    },
    async go(timeoutMs) {
      child.stdin.write('go\n');
      await said('"type":"ready"', timeoutMs);
    },
    async kill() {
      killRequested = child.exitCode === null && child.signalCode === null;
      child.kill('SIGKILL');
      return outcome();
    },
  };
}
