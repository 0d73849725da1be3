import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importBriefFile } from '../../src/main/import/importBriefFile';
import { sectionPlainText } from '../../src/main/import/sectionPlainText';
import type { BriefDocument } from '../../src/shared/model';
import { findMatches } from '../../src/renderer/src/features/find/findMatches';
import { foldForSearch } from '../../src/renderer/src/features/find/foldForSearch';
import { FoldedTextBuilder } from '../../src/renderer/src/features/find/FoldedTextBuilder';
import { corpusDir } from './helpers/tempLibrary';

async function importCorpus(file: string): Promise<BriefDocument> {
  return importBriefFile(file, readFileSync(join(corpusDir, file)));
}

/** The brief's text in reading blocks, as the reader lays it out: headings, paragraphs, items, cells. */
function blocksOf(brief: BriefDocument): string[] {
  return brief.sections.flatMap((section) => [
    section.heading,
    ...sectionPlainText(section).split(/[\n\t]+/),
  ]);
}

/** The source text of every match of `query`, found block by block as the reader does. */
function find(blocks: readonly string[], query: string): string[] {
  const builder = new FoldedTextBuilder();
  blocks.forEach((block, segment) => {
    builder.append(block, segment);
    builder.separate();
  });
  return findMatches(builder.build(), foldForSearch(query)).map((span) => {
    expect(span.endSegment).toBe(span.startSegment);
    return (blocks[span.startSegment] ?? '').slice(span.startOffset, span.endOffset);
  });
}

const count = (blocks: readonly string[], pattern: RegExp) =>
  blocks.reduce((total, block) => total + (block.match(pattern)?.length ?? 0), 0);

describe('find in the French Chad diagnostic', () => {
  let blocks: string[] = [];
  beforeAll(async () => {
    blocks = blocksOf(
      await importCorpus('worldbank-tchad-diagnostic-systematique-pays-2015-french.pdf'),
    );
  }, 60_000);

  it('finds "développement" however it is written when the reader types "developpement"', () => {
    const found = find(blocks, 'developpement');
    expect(found.length).toBe(count(blocks, /développement/giu));
    expect(found.length).toBeGreaterThan(50);
    expect(new Set(found.map((text) => text.toLowerCase()))).toEqual(new Set(['développement']));
  });
});

describe('find in the Russian Uzbekistan diagnostic', () => {
  let blocks: string[] = [];
  beforeAll(async () => {
    blocks = blocksOf(await importCorpus('worldbank-uzbekistan-scd-2016-russian.pdf'));
  }, 60_000);

  it('finds lower-case "развитие" for a query in capitals', () => {
    const found = find(blocks, 'РАЗВИТИЕ');
    expect(found.length).toBe(count(blocks, /развитие/giu));
    expect(found).toContain('Развитие');
  });

  it('finds "Отчёт" for "отчет"', () => {
    expect(find(blocks, 'отчет')).toContain('Отчёт');
  });
});

describe('find in the Arabic Syria note', () => {
  let blocks: string[] = [];
  beforeAll(async () => {
    blocks = blocksOf(
      await importCorpus('worldbank-syrian-conflict-economic-impacts-note-arabic.txt'),
    );
  });

  it('finds سوريا typed with harakat where the text has it in presentation forms', () => {
    const found = find(blocks, 'سُورِيَا');
    expect(found.length).toBe(count(blocks, /ﺳورﯾﺎ/gu));
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found)).toEqual(new Set(['ﺳورﯾﺎ']));
  });
});

describe('find in the sample brief', () => {
  let blocks: string[] = [];
  beforeAll(async () => {
    blocks = blocksOf(await importCorpus('nato-pa-128-spe-24-e-defence-ministers-2024-06.txt'));
  });

  it("finds Russia's with a straight or a curly apostrophe, in any case", () => {
    const found = find(blocks, "russia's");
    // Seven times with ' (one in the capitals of heading III) and once with ’ in the last quote.
    expect(found).toHaveLength(8);
    expect(found).toContain("RUSSIA'S");
    expect(found).toContain('Russia’s');
  });

  it('never matches from a heading into the text below it', () => {
    expect(find(blocks, 'Defence ministers endorsed')).not.toHaveLength(0);
    expect(find(blocks, 'Decisions Defence ministers endorsed')).toHaveLength(0);
  });
});

describe('matching details', () => {
  it('covers a combining accent with the letter it sits on', () => {
    expect(find(['un cafe\u0301 noir'], 'cafe')).toEqual(['cafe\u0301']);
  });

  it('counts matches that do not overlap, as a browser does', () => {
    expect(find(['aaaa'], 'aa')).toHaveLength(2);
  });

  it('finds nothing for a query of spaces only', () => {
    expect(find(['one two'], '   ')).toHaveLength(0);
  });
});
