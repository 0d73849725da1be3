import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, BriefDocument } from '../../src/shared/model';
import { decodeBriefText } from '../../src/main/import/decodeBriefText';
import { importBriefFile } from '../../src/main/import/importBriefFile';
import { inlinePlainText } from '../../src/main/import/structure/inlinePlainText';
import { splitLayoutColumns } from '../../src/main/import/text/splitLayoutColumns';

const corpusDir = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
const SYRIA = 'worldbank-syrian-conflict-economic-impacts-note-english.txt';
const UKRAINE = 'worldbank-ukraine-economic-snapshot-2017-10-ukrainian.txt';
const corpusFile = (name: string): Buffer => readFileSync(join(corpusDir, name));
const importCorpus = (name: string): Promise<BriefDocument> =>
  importBriefFile(name, corpusFile(name));

function* paragraphsOf(blocks: readonly Block[]): Generator<string> {
  for (const block of blocks) {
    if (block.type === 'paragraph') yield inlinePlainText(block.content).replace(/\s+/g, ' ');
    if (block.type === 'list') for (const item of block.items) yield* paragraphsOf(item.blocks);
    if (block.type === 'quote') yield* paragraphsOf(block.blocks);
  }
}
const paragraphs = (doc: BriefDocument): string[] =>
  doc.sections.flatMap((s) => [...paragraphsOf(s.blocks)]);
const paragraphWith = (doc: BriefDocument, sentence: string): string | undefined =>
  paragraphs(doc).find((p) => p.includes(sentence));

describe('layout-mode text with two columns side by side', () => {
  it('reads the left column of the Syrian conflict note as one paragraph', async () => {
    const doc = await importCorpus(SYRIA);
    const sentence =
      'The World Bank in collaboration with RAND has developed an online calculator that allows ' +
      'the user to calculate and forecast the costs of the Syrian war.';
    expect(paragraphWith(doc, sentence)).toMatch(/^The World Bank .* of these six cities\.1$/);
  });

  it('reads the right column of the Syrian conflict note without lines of the left one', async () => {
    const doc = await importCorpus(SYRIA);
    const sentence =
      'This online calculator allows users to estimate the economic impact of destruction and ' +
      'infrastructure spending in six war-torn cities in Syria';
    const paragraph = paragraphWith(doc, sentence);
    expect(paragraph).toMatch(/^This online calculator .* reconstruction activities:$/);
    expect(paragraph).not.toContain('insights from the economics literature');
  });

  it('keeps a Syrian list item whose text runs onto the next page in one item', async () => {
    const doc = await importCorpus(SYRIA);
    expect(
      paragraphWith(
        doc,
        'output multiplier. The upper limit for the amount of reconstruction is the amount of resources',
      ),
    ).toBeDefined();
  });

  it('reads a left-column paragraph of the Ukrainian snapshot in one piece', async () => {
    const doc = await importCorpus(UKRAINE);
    const sentence =
      'Нещодавно Світовий банк схвалив Концепцію партнерства з Україною на 2017-2021 роки, яка ' +
      'має на меті надання підтримки країні в забезпеченні тривкого відновлення економіки на ' +
      'користь усього населення.';
    expect(paragraphWith(doc, sentence)).toMatch(/^Нещодавно .* для всього населення України\.$/);
  });

  it('reads a right-column paragraph of the Ukrainian snapshot in one piece', async () => {
    const doc = await importCorpus(UKRAINE);
    const sentence =
      "Уряд, який було призначено у квітні 2016 року, зобов'язався продовжити реформаторські " +
      'зусилля попереднього уряду; програму уряду та план заходів, який передбачав реалізацію ' +
      'далекосяжної програми реформ, було схвалено у травні.';
    expect(paragraphWith(doc, sentence)).toBe(sentence);
  });

  it('follows a Ukrainian paragraph from the foot of one column to the top of the next', async () => {
    const doc = await importCorpus(UKRAINE);
    // Left column into right column on page 2, then right column of page 3 into page 3's right.
    expect(
      paragraphWith(doc, 'серії ППР для фінансового сектора (ППРФС-1 розміром у 500 млн'),
    ).toBeDefined();
    expect(
      paragraphWith(doc, 'сягнув у липні 2017 року 85% ВВП через великі видатки на'),
    ).toBeDefined();
  });

  it('splits a small two-column text and keeps the full-width title first', () => {
    const left = [
      'Water prices rose sharply in the',
      'capital after the drought, and the',
      'city council has asked for help.',
      '',
      'Farmers in the north report the',
      'worst harvest in twenty years.',
    ];
    const right = [
      'The ministry plans a new reservoir',
      'that would hold enough water for',
      'three dry summers in a row.',
      '',
      'Construction is due to begin next',
      'spring if funding is approved.',
    ];
    const page = [
      'A FULL-WIDTH TITLE THAT CROSSES THE GUTTER BETWEEN BOTH COLUMNS OF THE PAGE',
      '',
      ...left.map((l, i) => `${l.padEnd(40)}${right[i] ?? ''}`.trimEnd()),
    ].join('\n');
    expect(splitLayoutColumns(page)).toBe(
      [
        'A FULL-WIDTH TITLE THAT CROSSES THE GUTTER BETWEEN BOTH COLUMNS OF THE PAGE',
        '',
        '',
        ...left,
        '',
        ...right,
        '',
      ].join('\n'),
    );
  });

  it('leaves single-column text, the sample brief and right-to-left renditions unchanged', () => {
    for (const name of [
      'nato-pa-128-spe-24-e-defence-ministers-2024-06.txt',
      'worldbank-syrian-conflict-economic-impacts-note-arabic.txt',
      'worldbank-ahlc-economic-monitoring-2015-09-exec-summary-hebrew.txt',
    ]) {
      const text = decodeBriefText(name, corpusFile(name));
      expect(splitLayoutColumns(text), name).toBe(text);
    }
    const prose = 'A short paragraph.\n\nAnother one   with three spaces inside it.\n';
    expect(splitLayoutColumns(prose)).toBe(prose);
  });
});
