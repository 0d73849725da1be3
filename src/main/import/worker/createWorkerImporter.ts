import { Worker } from 'node:worker_threads';
import type { BriefDocument } from '../../../shared/model';
import { ImportError } from '../ImportError';
import type { ImportOptions } from '../ImportOptions';
import { IMPORT_TIME_LIMITS, ImportWatchdog } from './ImportWatchdog';
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
  /** An import reporting no progress for this long is stopped (IMPORT_STALL_SECONDS by default). */
  stallMs?: number;
  /** Any import is stopped after this long (IMPORT_DEADLINE_MINUTES by default). */
  timeoutMs?: number;
  /** Caps the worker's heap, so a hostile file cannot take the whole machine's memory. */
  maxHeapMb?: number;
}

/**
 * Runs each import in its own worker thread. Aborting terminates it at once; so does an import
 * that stalls (no progress for `stallMs`) or overruns `timeoutMs`, which then fails with a
 * sentence saying Briefmark gave up. Each import starts a fresh thread, so the next one is unaffected.
 */
export function createWorkerImporter(options: WorkerImporterOptions): RunImport {
  const limits = {
    stallMs: options.stallMs ?? IMPORT_TIME_LIMITS.stallMs,
    deadlineMs: options.timeoutMs ?? IMPORT_TIME_LIMITS.deadlineMs,
  };
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
        watchdog.stop();
        signal?.removeEventListener('abort', onAbort);
        void worker.terminate();
        outcome();
      };
      const onAbort = () => settle(() => reject(cancelled(fileName)));
      const watchdog = new ImportWatchdog(fileName, limits, (error) => settle(() => reject(error)));
      signal?.addEventListener('abort', onAbort, { once: true });

      worker.on('message', (reply: WorkerReply) => {
        if (reply.kind === 'progress') {
          watchdog.progressed();
          onProgress?.(reply.progress);
        } else if (reply.kind === 'done') settle(() => resolve(reply.document));
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
