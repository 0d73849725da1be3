import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../src/main/import/ImportOptions';
import { createSourceWorkerImporter } from '../../src/main/import/worker/createSourceWorkerImporter';
import { createWorkerImporter } from '../../src/main/import/worker/createWorkerImporter';
import { IMPORT_TIME_LIMITS } from '../../src/main/import/worker/ImportWatchdog';
import { sampleBriefPath } from './helpers/tempLibrary';

const stuckWorker = new URL('./helpers/stuckImportWorker.mjs', import.meta.url);

/** Bytes in shared memory: the stuck worker counts in them for as long as it runs. */
function sharedBytes(): { bytes: Uint8Array; count: () => number } {
  const buffer = new SharedArrayBuffer(64);
  const counter = new Int32Array(buffer);
  return { bytes: new Uint8Array(buffer), count: () => Atomics.load(counter, 0) };
}

/** True when the worker counting in `count` has stopped for good. */
async function stopped(count: () => number): Promise<boolean> {
  await sleep(100);
  const before = count();
  await sleep(400);
  return count() === before;
}

describe('an import that stops making progress is given up', () => {
  it('gives up on a parser stuck in a loop, stops its thread, and the next import works', async () => {
    const runImport = createWorkerImporter({ workerUrl: stuckWorker, stallMs: 1000 });
    const { bytes, count } = sharedBytes();
    const started = performance.now();
    await expect(runImport('loop-font.pdf', bytes, {})).rejects.toMatchObject({
      code: 'import_failed',
      message:
        'Briefmark gave up reading “loop-font.pdf” after 1 second without progress; the file may be damaged.',
    });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(count()).toBeGreaterThan(0);
    expect(await stopped(count)).toBe(true);

    const sample = readFileSync(sampleBriefPath);
    const brief = await createSourceWorkerImporter()('sample.txt', sample, {});
    expect(brief.sections.length).toBeGreaterThan(1);
  }, 30_000);

  it('gives up on an import that waits for ever without blocking', async () => {
    const runImport = createWorkerImporter({ workerUrl: stuckWorker, stallMs: 500 });
    const { bytes, count } = sharedBytes();
    await expect(runImport('silent.pdf', bytes, {})).rejects.toMatchObject({
      code: 'import_failed',
      message: expect.stringContaining('after 1 second without progress'),
    });
    expect(await stopped(count)).toBe(true);
  });

  it('lets a slow import run as long as it reports progress, passing the progress on', async () => {
    const runImport = createWorkerImporter({ workerUrl: stuckWorker, stallMs: 600 });
    const progress: ImportProgress[] = [];
    // Ten pages at 100 ms each: longer in all than the stall limit, never silent for that long.
    const brief = await runImport('steady-ends.pdf', new Uint8Array(4), {
      onProgress: (p) => progress.push(p),
    });
    expect(brief).toEqual({ fileName: 'steady-ends.pdf' });
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('gives up on an import that keeps progressing past the overall deadline', async () => {
    const runImport = createWorkerImporter({
      workerUrl: stuckWorker,
      stallMs: 600,
      timeoutMs: 700,
    });
    await expect(runImport('steady.pdf', new Uint8Array(4), {})).rejects.toMatchObject({
      code: 'import_failed',
      message:
        'Briefmark gave up reading “steady.pdf” after 1 second; the file may be damaged or too complex to import.',
    });
  });

  it('still cancels at once, with a cancelled error rather than a give-up', async () => {
    const runImport = createWorkerImporter({ workerUrl: stuckWorker, stallMs: 5000 });
    const { bytes, count } = sharedBytes();
    const controller = new AbortController();
    const pending = runImport('loop.pdf', bytes, { signal: controller.signal });
    await sleep(300);
    controller.abort();
    await expect(pending).rejects.toMatchObject({
      code: 'cancelled',
      message: 'The import of “loop.pdf” was cancelled.',
    });
    expect(await stopped(count)).toBe(true);
  });

  it('allows a minute without progress in the app, and ten minutes in all', () => {
    expect(IMPORT_TIME_LIMITS).toEqual({ stallMs: 60_000, deadlineMs: 600_000 });
  });
});
