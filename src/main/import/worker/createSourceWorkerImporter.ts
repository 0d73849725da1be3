import { createWorkerImporter, type RunImport } from './createWorkerImporter';

/**
 * The worker importer when Briefmark runs from its TypeScript sources (web mode, the CLI):
 * each import gets a thread that loads importWorker.ts through tsx. A failure deep inside a
 * parser (pdf.js can reject stray promises on a damaged file) ends that thread, not the app.
 */
export function createSourceWorkerImporter(): RunImport {
  return createWorkerImporter({
    workerUrl: new URL('./importWorker.ts', import.meta.url),
    typescriptLoaderUrl: import.meta.resolve('tsx/esm/api'),
  });
}
