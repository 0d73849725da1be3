import { Worker } from 'node:worker_threads';
import type { BriefDocument } from '../../../shared/model';
import { ImportError } from '../ImportError';
import type { ImportOptions } from '../ImportOptions';
import type { WorkerReply, WorkerRequest } from './workerMessages';

export type RunImport = (
  fileName: string,
  bytes: Uint8Array,
  options: ImportOptions,
) => Promise<BriefDocument>;

export interface WorkerImporterOptions {
  /** The worker entry: the built importWorker.js, or importWorker.ts run from source. */
  workerUrl: URL;
  /**
   * When running from source: the URL of tsx's `tsx/esm/api`, registered in the worker before
   * the TypeScript entry loads (Node 20 does not apply `--import` loaders to a worker's entry).
   */
  typescriptLoaderUrl?: string;
  /** A stuck parse is stopped after this long. */
  timeoutMs?: number;
  /** Caps the worker's heap, so a hostile file cannot take the whole machine's memory. */
  maxHeapMb?: number;
}

/** Runs each import in its own worker thread; aborting or a timeout terminates it at once. */
export function createWorkerImporter(options: WorkerImporterOptions): RunImport {
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  return (fileName, bytes, importOptions) =>
    new Promise<BriefDocument>((resolve, reject) => {
      const { signal, onProgress } = importOptions;
      if (signal?.aborted) return reject(cancelled(fileName));
      const resourceLimits = { maxOldGenerationSizeMb: options.maxHeapMb ?? 2048 };
      const worker = options.typescriptLoaderUrl
        ? new Worker(typescriptBootstrap(options.typescriptLoaderUrl, options.workerUrl), {
            eval: true,
            resourceLimits,
          })
        : new Worker(options.workerUrl, { resourceLimits });
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        void worker.terminate();
        outcome();
      };
      const onAbort = () => settle(() => reject(cancelled(fileName)));
      const timer = setTimeout(
        () =>
          settle(() =>
            reject(
              new ImportError(
                'import_failed',
                `“${fileName}” took longer than ${Math.round(timeoutMs / 60_000)} minutes to read, so the import was stopped.`,
              ),
            ),
          ),
        timeoutMs,
      );
      signal?.addEventListener('abort', onAbort, { once: true });

      worker.on('message', (reply: WorkerReply) => {
        if (reply.kind === 'progress') onProgress?.(reply.progress);
        else if (reply.kind === 'done') settle(() => resolve(reply.document));
        else if (reply.kind === 'failed')
          settle(() => reject(new ImportError(reply.code, reply.message)));
        else settle(() => reject(new Error(reply.message)));
      });
      worker.on('error', (error) =>
        settle(() =>
          reject(
            /heap|memory/i.test(error.message)
              ? new ImportError(
                  'too_large',
                  `“${fileName}” needs more memory to read than Briefmark allows.`,
                )
              : error,
          ),
        ),
      );
      worker.on('exit', (code) =>
        settle(() =>
          reject(new Error(`the import worker stopped unexpectedly (exit code ${code})`)),
        ),
      );
      const request: WorkerRequest = { fileName, bytes };
      worker.postMessage(request);
    });
}

function typescriptBootstrap(loaderUrl: string, entry: URL): string {
  return `import(${JSON.stringify(loaderUrl)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
}

function cancelled(fileName: string): ImportError {
  return new ImportError('cancelled', `The import of “${fileName}” was cancelled.`);
}
