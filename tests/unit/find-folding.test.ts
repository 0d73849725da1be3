import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importBriefFile } from '../../src/main/import/importBriefFile';
import { sectionPlainText } from '../../src/main/import/sectionPlainText';
import { foldForSearch } from '../../src/renderer/src/features/find/foldForSearch';
import { corpusDir } from './helpers/tempLibrary';

const same = (a: string, b: string) => expect(foldForSearch(a)).toBe(foldForSearch(b));
const different = (a: string, b: string) => expect(foldForSearch(a)).not.toBe(foldForSearch(b));

describe('folding a query for find in the brief', () => {
  it('ignores case and the accents of French, including capitals', () => {
    expect(foldForSearch('Développement')).toBe('developpement');
    same('DÉVELOPPEMENT ÉCONOMIQUE', 'developpement economique');
    same('Œuvre à côté', 'œuvre a cote');
  });

  it('folds Russian capitals and ё, but keeps й and Ukrainian ї apart from и and і', () => {
    same('РАЗВИТИЕ', 'развитие');
    same('Отчёт', 'отчет');
    different('мой', 'мои');
    different('Україна', 'Украіна');
    // A decomposed й (и + combining breve) is still й.
    same('мои\u0306', 'мой');
  });

  it('folds Greek tonos and final sigma', () => {
    same('ΟΔΌΣ', 'οδος');
    same('Ελληνικά', 'ελληνικα');
  });

  it('drops Arabic harakat and tatweel, and reads alef with hamza as alef', () => {
    same('الْعَرَبِيَّة', 'العربية');
    same('كـــتاب', 'كتاب');
    same('أحمد', 'احمد');
    same('إسرائيل', 'اسرائيل');
    // Hamza on waw is a letter of its own: مؤسسة is not موسسة.
    different('مؤسسة', 'موسسة');
  });

  it('reads Arabic presentation forms from PDF text layers as the letters a reader types', () => {
    same('ﺳورﯾﺎ ھﻲ', 'سوريا هي');
  });

  it('drops Hebrew niqqud but keeps the maqaf', () => {
    same('שָׁלוֹם', 'שלום');
    expect(foldForSearch('בית־ספר')).toContain('־');
  });

  it('leaves Devanagari vowel signs and viramas alone', () => {
    for (const word of ['हिन्दी', 'नमस्ते', 'विकास']) expect(foldForSearch(word)).toBe(word);
  });

  it('matches typographic quotes, dashes and ligatures with what a keyboard types', () => {
    same('Russia’s 2023–2024', "russia's 2023-2024");
    same('“ready”', '"ready"');
    same('ﬁnancial', 'financial');
  });

  it('reads any run of spaces, tabs and no-break spaces as one space', () => {
    expect(foldForSearch('défense\u00a0 \t nationale')).toBe('defense nationale');
  });
});

describe('Thai in the Thailand executive summary', () => {
  let thaiRuns: string[] = [];
  beforeAll(async () => {
    const file = 'worldbank-thailand-scd-executive-summary-thai.pdf';
    const brief = await importBriefFile(file, readFileSync(join(corpusDir, file)));
    const text = brief.sections.map(sectionPlainText).join('\n');
    thaiRuns = text.match(/[\u0e00-\u0e7f]+/gu) ?? [];
  }, 60_000);

  it('folds to itself: Thai vowels and tone marks are letters, not accents', () => {
    expect(thaiRuns.length).toBeGreaterThan(100);
    for (const run of thaiRuns) expect(foldForSearch(run)).toBe(run);
  });
});
