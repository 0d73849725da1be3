// The long import fuzz run (npm run test:fuzz, and part of npm run test:durability):
// `npx tsx tests/fuzz/importFuzz.ts [--seed N] [--cases N] [--minutes M] [--workers N]`.
// Every case is imported under the app's time limits, then through Library.importFile into a
// real library file. Exits non-zero on any crash, hang, unclear error message, library changed
// by a failed import, brief that does not read back, or failed integrity check.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { IMPORT_TIME_LIMITS } from '../../src/main/import/worker/ImportWatchdog';
import { loadSeeds, randomCases, specialCases, type FuzzCase } from './fuzzCases';
import { mulberry32 } from './mulberry32';
import { formatReport, fuzzProblems, runFuzz } from './runFuzz';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    cases: { type: 'string', default: '3000' },
    minutes: { type: 'string', default: '15' },
    workers: { type: 'string', default: '2' },
    'stall-seconds': { type: 'string', default: String(IMPORT_TIME_LIMITS.stallMs / 1000) },
  },
});
const seed = values.seed ? Number(values.seed) : Math.floor(Math.random() * 2 ** 32);
const total = Number(values.cases);
const corpusDir = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');

console.log(`import fuzz: seed ${seed} (rerun with --seed ${seed}), up to ${total} cases`);
const seeds = await loadSeeds(corpusDir, 1_500_000);
const special = await specialCases(seeds, {
  nestedDivBytes: 10 * 1024 * 1024,
  bigBytes: 2 * 1024 * 1024,
  lineBytes: 1024 * 1024,
});

async function* allCases(): AsyncGenerator<FuzzCase> {
  yield* special;
  let n = special.length;
  for await (const fuzzCase of randomCases(mulberry32(seed), seeds, {
    maxTextBytes: 512 * 1024,
    renameChance: 0.15,
  })) {
    if (n++ >= total) return;
    yield fuzzCase;
  }
}

function progressEvery(step: number): () => void {
  let n = 0;
  return () => {
    if (++n % step === 0) console.log(`  ${n} cases…`);
  };
}

const libraryFolder = mkdtempSync(join(tmpdir(), 'briefmark-import-fuzz-'));
try {
  const report = await runFuzz(allCases(), {
    workers: Number(values.workers),
    limits: { ...IMPORT_TIME_LIMITS, stallMs: Number(values['stall-seconds']) * 1000 },
    budgetMs: Number(values.minutes) * 60_000,
    libraryFolder,
    onCase: progressEvery(250),
  });
  console.log(formatReport(seed, report));
  process.exitCode = fuzzProblems(report).length > 0 ? 1 : 0;
} finally {
  rmSync(libraryFolder, { recursive: true, force: true });
}
