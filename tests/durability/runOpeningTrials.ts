import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Random } from '../fuzz/mulberry32';
import { readLibraryState } from './readLibraryState';
import { startWriter } from './startWriter';

/** What kills during a first launch left: an empty library or the sample brief, never worse. */
export interface OpeningFigures {
  killsDuringOpening: number;
  openingOutcomes: { empty: number; sample: number };
  /** A library that did not open, failed integrity_check or would not launch again: must be 0. */
  openingFailures: number;
}

export function emptyOpeningFigures(): OpeningFigures {
  return { killsDuringOpening: 0, openingOutcomes: { empty: 0, sample: 0 }, openingFailures: 0 };
}

const READY_TIMEOUT_MS = 60_000;

/**
 * Kills a writer during the first launch of a new library (schema, migrations, the sample brief
 * imported by app.welcome), then opens the library as the next launch would and launches a
 * writer on it again. Each trial starts from no library; the kill comes within the time one
 * first launch takes, measured first.
 */
export async function runOpeningTrials(options: {
  trials: number;
  script: string;
  sampleBriefPath: string;
  random: Random;
  figures: OpeningFigures;
  log: (line: string) => void;
}): Promise<void> {
  const { trials, script, sampleBriefPath, random, figures, log } = options;
  if (trials === 0) return;
  const launch = (dbPath: string) =>
    startWriter({ script, dbPath, sampleBriefPath, seed: random.int(2 ** 31) });
  const freshLibrary = () => join(mkdtempSync(join(tmpdir(), 'briefmark-opening-')), 'lib.sqlite3');

  // How long a first launch takes here; writers load in parallel, so only the opening counts.
  const timing = launch(freshLibrary());
  await timing.loaded(READY_TIMEOUT_MS);
  const started = Date.now();
  await timing.go(READY_TIMEOUT_MS);
  const openingMs = Date.now() - started;
  log(`a first launch took ${openingMs} ms`);
  await timing.kill();

  for (let trial = 1; trial <= trials; trial++) {
    const dbPath = freshLibrary();
    // Both load at once: the second is the next launch, told to go only after the kill.
    const writer = launch(dbPath);
    const next = launch(dbPath);
    try {
      await writer.loaded(READY_TIMEOUT_MS);
      writer.start();
      await sleep(random.int(openingMs + 1));
      const outcome = await writer.kill();
      if (outcome.messages.some((message) => message.type === 'ready')) {
        log(`opening trial ${trial}: the kill came after the library was open`);
      } else figures.killsDuringOpening += 1;

      const reopened = await readLibraryState(dbPath, sampleBriefPath);
      if (reopened.integrityProblems.length > 0) {
        throw new Error(`integrity_check: ${reopened.integrityProblems.slice(0, 3).join('; ')}`);
      }
      figures.openingOutcomes[reopened.briefs > 0 ? 'sample' : 'empty'] += 1;
      // The next launch must get as far as writing: the sample brief there, whole.
      await next.go(READY_TIMEOUT_MS);
    } catch (error) {
      figures.openingFailures += 1;
      log(`opening trial ${trial}: ${(error as Error).message}`);
    } finally {
      await writer.kill();
      await next.kill();
      rmSync(join(dbPath, '..'), { recursive: true, force: true });
    }
  }
}
