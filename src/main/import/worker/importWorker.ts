import { parentPort } from 'node:worker_threads';
import { importBriefFile } from '../importBriefFile';
import { ImportError } from '../ImportError';
import type { WorkerReply, WorkerRequest } from './workerMessages';

// Runs one import off the main thread, so the app keeps answering (note saves, progress polls)
// while a long PDF is parsed. The parent terminates the worker to cancel.
parentPort?.once('message', (request: WorkerRequest) => {
  const post = (reply: WorkerReply) => parentPort?.postMessage(reply);
  importBriefFile(request.fileName, request.bytes, {
    onProgress: (progress) => post({ kind: 'progress', progress }),
  }).then(
    (document) => post({ kind: 'done', document }),
    (error: unknown) =>
      post(
        error instanceof ImportError
          ? { kind: 'failed', code: error.code, message: error.message }
          : { kind: 'crashed', message: error instanceof Error ? error.message : String(error) },
      ),
  );
});
