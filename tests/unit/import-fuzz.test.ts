import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/main/services/openLibrary';
import { ServiceError } from '../../src/main/services/ServiceError';
import { loadSeeds, randomCases, specialCases, type FuzzCase } from '../fuzz/fuzzCases';
import { mulberry32 } from '../fuzz/mulberry32';
import { formatReport, runFuzz } from '../fuzz/runFuzz';
import { corpusDir, sampleBriefPath, tempDbPath } from './helpers/tempLibrary';

// Fixed so a failure reproduces; FUZZ_SEED=n tries other cases (the long run is npm run test:fuzz).
const SEED = Number(process.env.FUZZ_SEED ?? 20_250_611);
const RANDOM_CASES = 320;

async function takeCases(source: AsyncIterable<FuzzCase>, count: number): Promise<FuzzCase[]> {
  const cases: FuzzCase[] = [];
  for await (const fuzzCase of source) {
    if (cases.length >= count) break;
    cases.push(fuzzCase);
  }
  return cases;
}

interface LibraryState {
  briefs: number;
  sections: number;
  sectionBodies: number;
  notes: number;
  integrity: unknown;
}

/** Row counts and `PRAGMA integrity_check`, read through a second connection to the file. */
function tableCounts(dbPath: string): LibraryState {
  const db = new Database(dbPath, { readonly: true });
  try {
    const count = (table: string) =>
      (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      briefs: count('briefs'),
      sections: count('sections'),
      sectionBodies: count('section_bodies'),
      notes: count('notes'),
      integrity: db.pragma('integrity_check', { simple: true }),
    };
  } finally {
    db.close();
  }
}

describe('bad files cannot crash or hang the importers', () => {
  it('refuses every damaged, truncated, renamed or hostile file with a sentence, or imports it', async () => {
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
    // The slowest case takes about 4 s alone; the limit leaves room for a loaded CI machine
    // running other test files at once, while a real hang (no end at all) is still caught.
    const report = await runFuzz([...special, ...random], { workers: 2, timeoutMs: 30_000 });
    console.log(formatReport(SEED, report));

    expect(report.tried).toBe(special.length + RANDOM_CASES);
    expect(report.tried).toBeGreaterThan(500);
    expect(report.imported).toBeGreaterThan(50);
    expect(report.refusedByCode.damaged).toBeGreaterThan(10);
    expect(report.refusedByCode.import_failed).toBeGreaterThan(50);
    expect(report.crashes.map((c) => `${c.fileName} [${c.label}]: ${c.message}`)).toEqual([]);
    expect(report.hangs.map((h) => `${h.fileName} [${h.label}] (${h.size} bytes)`)).toEqual([]);
    expect(report.unclearMessages.map((u) => `${u.fileName}: ${u.message}`)).toEqual([]);
  }, 120_000);

  it('leaves the library unchanged and intact after each failed import', async () => {
    const dbPath = tempDbPath();
    const library = openLibrary({ dbPath, sampleBriefPath });
    try {
      await library.welcome();
      const before = tableCounts(dbPath);
      expect(before).toMatchObject({ briefs: 1, integrity: 'ok' });
      const seeds = await loadSeeds(corpusDir, 120_000);
      // Quick refusals only: the library imports in-process here, with no watchdog.
      const cases = (
        await takeCases(
          randomCases(mulberry32(SEED + 1), seeds, { maxTextBytes: 16 * 1024, renameChance: 0.5 }),
          60,
        )
      ).filter((c) => /\.(docx|pdf)$/.test(c.fileName) || c.bytes.includes(0));
      let refused = 0;
      for (const fuzzCase of cases) {
        const outcome = await library.importFile(fuzzCase.fileName, fuzzCase.bytes).then(
          () => null,
          (error: unknown) => error,
        );
        if (outcome === null) {
          // It imported: that is allowed, and it is the new baseline.
          Object.assign(before, tableCounts(dbPath));
          continue;
        }
        refused++;
        expect(outcome, fuzzCase.label).toBeInstanceOf(ServiceError);
        expect((outcome as ServiceError).message).toContain(`“${fuzzCase.fileName}”`);
        expect(tableCounts(dbPath), fuzzCase.label).toEqual(before);
      }
      console.log(`library: ${cases.length} damaged files, ${refused} refused, integrity ok`);
      expect(refused).toBeGreaterThan(10);
      const real = 'worldbank-syrian-conflict-economic-impacts-note-english.txt';
      const imported = await library.importFile(real, readFileSync(join(corpusDir, real)));
      expect(imported.alreadyInLibrary).toBe(false);
      expect(library.listBriefs().length).toBe(before.briefs + 1);
    } finally {
      library.close();
    }
  }, 60_000);
});
