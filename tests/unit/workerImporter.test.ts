import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importBriefFile } from '../../src/main/import/importBriefFile';
import type { ImportProgress } from '../../src/main/import/ImportOptions';
import { createSourceWorkerImporter } from '../../src/main/import/worker/createSourceWorkerImporter';
import { sampleBriefPath } from './helpers/tempLibrary';

const runImport = createSourceWorkerImporter();

describe('imports in a worker thread', () => {
  it('gives the same brief as importing in-process', async () => {
    const bytes = readFileSync(sampleBriefPath);
    const inWorker = await runImport('sample.txt', bytes, {});
    expect(inWorker).toEqual(await importBriefFile('sample.txt', bytes));
  });

  it('passes import errors through with their code and sentence', async () => {
    await expect(runImport('empty.txt', new Uint8Array(), {})).rejects.toMatchObject({
      code: 'import_failed',
      message: '“empty.txt” is empty (0 bytes), so there is nothing to import.',
    });
  });

  it('stops at once when cancelled, with a cancelled error', async () => {
    const controller = new AbortController();
    const progress: ImportProgress[] = [];
    const pending = runImport('sample.txt', readFileSync(sampleBriefPath), {
      signal: controller.signal,
      onProgress: (p) => progress.push(p),
    });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
  });
});
