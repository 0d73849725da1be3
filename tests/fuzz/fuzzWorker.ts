import { parentPort } from 'node:worker_threads';
import { importBriefFile } from '../../src/main/import/importBriefFile';
import { ImportError } from '../../src/main/import/ImportError';
import type { CaseOutcome, CaseRequest } from './caseMessages';

// Imports one case after another; the parent times each case and replaces a worker that hangs.
parentPort?.on('message', (request: CaseRequest) => {
  const started = performance.now();
  const reply = (outcome: CaseOutcome) => parentPort?.postMessage(outcome);
  importBriefFile(request.fileName, request.bytes).then(
    (document) =>
      reply({
        kind: 'imported',
        ms: performance.now() - started,
        sections: document.sections.length,
      }),
    (error: unknown) =>
      reply(
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
