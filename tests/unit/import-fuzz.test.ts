import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/main/services/openLibrary';
import { IMPORT_TIME_LIMITS } from '../../src/main/import/worker/ImportWatchdog';
import { loadSeeds, randomCases, specialCases, type FuzzCase } from '../fuzz/fuzzCases';
import { fingerprintDifference, libraryFingerprint } from '../fuzz/libraryFingerprint';
import { mulberry32 } from '../fuzz/mulberry32';
import { formatReport, fuzzProblems, runFuzz } from '../fuzz/runFuzz';
import { corpusDir, sampleBriefPath, tempDbPath, tempDir } from './helpers/tempLibrary';

// Fixed so a failure reproduces; FUZZ_SEED=n tries other cases (the long run is npm run test:fuzz).
const SEED = Number(process.env.FUZZ_SEED ?? 20_250_611);
const RANDOM_CASES = 240;

async function takeCases(source: AsyncIterable<FuzzCase>, count: number): Promise<FuzzCase[]> {
  const cases: FuzzCase[] = [];
  for await (const fuzzCase of source) {
    if (cases.length >= count) break;
    cases.push(fuzzCase);
  }
  return cases;
}

describe('bad files cannot crash or hang the importers, or change the library', () => {
  it('refuses every damaged, truncated, renamed or hostile file with a sentence and an unchanged library, or imports it whole', async () => {
    const seeds = await loadSeeds(corpusDir, 120_000);
    const special = await specialCases(seeds, {
      nestedDivBytes: 10 * 1024 * 1024,
      bigBytes: 192 * 1024,
      lineBytes: 1024 * 1024,
    });
    const random = await takeCases(
      randomCases(mulberry32(SEED), seeds, { maxTextBytes: 48 * 1024, renameChance: 0.15 }),
      RANDOM_CASES,
    );
    // The app's own limits: a case the app would give up on is a hang here.
    const report = await runFuzz([...special, ...random], {
      workers: 2,
      limits: IMPORT_TIME_LIMITS,
      libraryFolder: tempDir(),
      library: { fingerprintEvery: 10, bytesPerLibrary: 1024 * 1024 },
    });
    console.log(formatReport(SEED, report));

    expect(report.tried).toBe(special.length + RANDOM_CASES);
    expect(report.tried).toBeGreaterThan(450);
    expect(Object.keys(report.byFormat).sort()).toEqual([
      'HTML',
      'Markdown',
      'PDF',
      'Word',
      'text',
    ]);
    for (const [format, figures] of Object.entries(report.byFormat)) {
      expect(figures.tried, format).toBeGreaterThan(40);
      expect(figures.imported, format).toBeGreaterThan(0);
      expect(figures.refused, format).toBeGreaterThan(5);
    }
    expect(report.imported).toBeGreaterThan(50);
    expect(report.refusedByCode.damaged).toBeGreaterThan(10);
    expect(report.refusedByCode.import_failed).toBeGreaterThan(50);
    expect(report.refusedByCode.too_large).toBeGreaterThanOrEqual(5);
    // Every refusal went through the library and was checked against its fingerprint.
    expect(report.library.refused).toBeGreaterThan(200);
    expect(report.library.stored).toBeGreaterThan(50);
    expect(report.library.fingerprinted).toBeGreaterThan(report.library.refused / 12);
    expect(report.library.reopenedBriefs).toBe(report.library.stored);
    expect(fuzzProblems(report)).toEqual([]);
  }, 180_000);

  it('has a library check that notices any change a failed import could leave', async () => {
    const dbPath = tempDbPath();
    const library = openLibrary({ dbPath, sampleBriefPath });
    await library.welcome();
    const reader = new Database(dbPath, { readonly: true });
    const writer = new Database(dbPath);
    try {
      const before = libraryFingerprint(reader);
      const version = reader.pragma('data_version', { simple: true });
      expect(fingerprintDifference(before, libraryFingerprint(reader))).toBe('');
      // One character of one section's text, as a half-finished import might leave it.
      writer
        .prepare(`UPDATE section_bodies SET plain_text = plain_text || 'x' WHERE rowid = 1`)
        .run();
      expect(fingerprintDifference(before, libraryFingerprint(reader))).toBe('section_bodies');
      expect(reader.pragma('data_version', { simple: true })).not.toBe(version);
      writer.pragma('user_version = 99');
      expect(fingerprintDifference(before, libraryFingerprint(reader))).toBe(
        'user_version, section_bodies',
      );
    } finally {
      writer.close();
      reader.close();
      library.close();
    }
  });
});
