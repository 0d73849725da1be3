import { parentPort } from 'node:worker_threads';
import { importBriefFile } from '../../src/main/import/importBriefFile';
import { ImportError } from '../../src/main/import/ImportError';
import type { CaseMessage, CaseRequest } from './caseMessages';

// Imports one case after another; the parent watches each case as the app's importer does
// (progress resets the stall clock) and replaces a worker that runs past the limits.
parentPort?.on('message', (request: CaseRequest) => {
  const started = performance.now();
  const post = (message: CaseMessage) => parentPort?.postMessage(message);
  importBriefFile(request.fileName, request.bytes, {
    onProgress: () => post({ kind: 'progress' }),
  }).then(
    (document) => post({ kind: 'imported', ms: performance.now() - started, document }),
    (error: unknown) =>
      post(
        error instanceof ImportError
          ? {
              kind: 'refused',
              ms: performance.now() - started,
              code: error.code,
              message: error.message,
            }
          : {
              kind: 'crashed',
              ms: performance.now() - started,
              message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
              stack: error instanceof Error ? (error.stack ?? '') : '',
            },
      ),
  );
});
