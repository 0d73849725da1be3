import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, BriefDocument, Inline, Section, TextMark } from '../../src/shared/model';
import { importBriefFile } from '../../src/main/import/importBriefFile';

const corpusDir = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
const SAMPLE = 'nato-pa-128-spe-24-e-defence-ministers-2024-06.txt';
const sample = (): Promise<BriefDocument> =>
  importBriefFile(SAMPLE, readFileSync(join(corpusDir, SAMPLE)));
const fromText = (text: string, name = 'brief.txt'): Promise<BriefDocument> =>
  importBriefFile(name, new TextEncoder().encode(text));

const byHeading = (doc: BriefDocument, heading: string): Section => {
  const section = doc.sections.find((s) => s.heading === heading);
  if (!section)
    throw new Error(`no section "${heading}" in ${doc.sections.map((s) => s.heading).join(' | ')}`);
  return section;
};
const childrenOf = (doc: BriefDocument, parent: Section): string[] =>
  doc.sections.filter((s) => s.parentId === parent.id).map((s) => s.heading);
const topLevel = (doc: BriefDocument): string[] =>
  doc.sections.filter((s) => s.level === 1).map((s) => s.heading);

function* walkBlocks(blocks: readonly Block[]): Generator<Block> {
  for (const block of blocks) {
    yield block;
    if (block.type === 'list') for (const item of block.items) yield* walkBlocks(item.blocks);
    if (block.type === 'quote') yield* walkBlocks(block.blocks);
  }
}
const inlinesOf = (blocks: readonly Block[]): Inline[] =>
  [...walkBlocks(blocks)].flatMap((b) =>
    b.type === 'paragraph' || b.type === 'footnote' || b.type === 'heading' ? b.content : [],
  );
const textOf = (inlines: readonly Inline[]): string =>
  inlines.map((i) => (i.type === 'text' ? i.text : '')).join('');
const marksOf = (blocks: readonly Block[], text: string): TextMark['type'][] => {
  const node = inlinesOf(blocks).find((i) => i.type === 'text' && i.text.includes(text));
  if (!node || node.type !== 'text') throw new Error(`no text "${text}"`);
  return (node.marks ?? []).map((m) => m.type).sort();
};

describe('importing the sample brief (plain text with Markdown-like marks)', () => {
  it('reads the title block as metadata', async () => {
    const { meta, format } = await sample();
    expect(format).toBe('text');
    expect(meta).toMatchObject({
      organisation: 'NATO Parliamentary Assembly',
      reference: '128 SPE 24 E',
      date: '2024-06',
      documentType: 'Policy Brief',
      language: 'en',
    });
  });

  it('joins the two capitals lines of the title', async () => {
    expect((await sample()).meta.title).toBe(
      "NATO DEFENCE MINISTERS' MEETING, 13-14 JUNE 2024: KEY TAKEAWAYS",
    );
  });

  it('finds the top-level sections in order, the opening text first', async () => {
    expect(topLevel(await sample())).toEqual([
      'Introduction',
      'Focus of the Meetings',
      'Decisions',
      'I. PREDICTABLE AND COORDINATED SUPPORT FOR UKRAINE',
      'II. ALLIED DETERRENCE AND DEFENCE',
      "III. RESPONSE TO RUSSIA'S HOSTILE ACTIONS TOWARD ALLIES",
    ]);
  });

  it('keeps the notice and the opening paragraph in the introduction', async () => {
    const intro = textOf(inlinesOf(byHeading(await sample(), 'Introduction').blocks));
    expect(intro).toContain('This Policy Brief is presented for information only');
    expect(intro).toContain('NATO Ministers of Defence met in Brussels from 13-14 June.');
    expect(intro).not.toContain('KEY TAKEAWAYS');
  });

  it('nests the short headings under their Roman section', async () => {
    const doc = await sample();
    expect(
      childrenOf(doc, byHeading(doc, 'I. PREDICTABLE AND COORDINATED SUPPORT FOR UKRAINE')),
    ).toEqual([
      'The NATO Security Assistance and Training for Ukraine',
      'Long-term financial commitment',
      "Further steps on Ukraine's path to NATO membership",
      'NATO-Ukraine Joint Analysis, Training and Education Centre (JATEC)',
      'NATO-Ukraine Innovation Cooperation Roadmap',
    ]);
    expect(childrenOf(doc, byHeading(doc, 'II. ALLIED DETERRENCE AND DEFENCE'))).toEqual([
      "Implementation of NATO's new defence plans",
      'Towards a new Defence Industrial Pledge',
      'NATO Nuclear Posture and Adaptation',
    ]);
    expect(
      childrenOf(doc, byHeading(doc, "III. RESPONSE TO RUSSIA'S HOSTILE ACTIONS TOWARD ALLIES")),
    ).toEqual([]);
  });

  it('gives sections stable slug ids, ordinal paths and parents', async () => {
    const doc = await sample();
    const section = byHeading(doc, 'Long-term financial commitment');
    const parent = byHeading(doc, 'I. PREDICTABLE AND COORDINATED SUPPORT FOR UKRAINE');
    expect(parent).toMatchObject({
      id: 'i-predictable-and-coordinated-support-for-ukraine',
      path: '4',
    });
    expect(section).toMatchObject({
      id: 'long-term-financial-commitment',
      level: 2,
      path: '4.2',
      parentId: parent.id,
    });
    const ids = doc.sections.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await sample()).sections.map((s) => s.id)).toEqual(ids);
  });

  it('nests a bullet written with a leading space under the bullet before it', async () => {
    const [list] = byHeading(await sample(), 'Focus of the Meetings').blocks;
    if (list?.type !== 'list') throw new Error('expected a list');
    expect(list.items).toHaveLength(3);
    const nested = list.items[0]?.blocks[1];
    if (nested?.type !== 'list') throw new Error('expected a nested list');
    expect(nested.items.map((item) => textOf(inlinesOf(item.blocks)))).toEqual([
      'NATO coordination of security assistance and training',
      'long-term financial commitment',
    ]);
  });

  it('keeps bold text bold', async () => {
    const intro = byHeading(await sample(), 'Introduction').blocks;
    expect(
      marksOf(intro, 'last meeting at the ministerial level prior to the July Summit'),
    ).toEqual(['bold']);
    expect(marksOf(intro, 'of Heads of State and Government')).toEqual([]);
  });

  it('keeps the bracketed note italic across its bold sentence and its link', async () => {
    const blocks = byHeading(await sample(), 'II. ALLIED DETERRENCE AND DEFENCE').blocks;
    expect(marksOf(blocks, '[Note: A few days after the meeting')).toEqual(['italic']);
    expect(marksOf(blocks, 'the latest figures for Allied defence expenditures')).toEqual([
      'italic',
      'link',
    ]);
    expect(marksOf(blocks, 'These show 23 Allies meeting the 2% target')).toEqual([
      'bold',
      'italic',
    ]);
  });

  it('links the footnote marker to its text at the end of the citing section', async () => {
    const doc = await sample();
    const section = byHeading(doc, 'NATO Nuclear Posture and Adaptation');
    const ref = inlinesOf(section.blocks).find((i) => i.type === 'footnoteRef');
    if (ref?.type !== 'footnoteRef') throw new Error('no footnote reference');
    expect(ref.label).toBe('1');
    const last = section.blocks[section.blocks.length - 1];
    if (last?.type !== 'footnote') throw new Error('footnote is not the last block of the section');
    expect(last.footnoteId).toBe(ref.footnoteId);
    expect(textOf(last.content)).toMatch(
      /^For more information on NATO's nuclear deterrence policy/,
    );
    const footnotes = doc.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'footnote'));
    expect(footnotes).toHaveLength(1);
  });

  it('keeps the bullet after the footnote line in section III', async () => {
    const doc = await sample();
    const section = byHeading(doc, "III. RESPONSE TO RUSSIA'S HOSTILE ACTIONS TOWARD ALLIES");
    expect(doc.sections[doc.sections.length - 1]).toBe(section);
    const [list] = section.blocks;
    if (list?.type !== 'list') throw new Error('expected a list');
    expect(textOf(inlinesOf(list.items[list.items.length - 1]?.blocks ?? []))).toMatch(
      /^“Russia’s campaign will not deter us/,
    );
  });

  it('keeps placeholder links as inert links', async () => {
    const links = (await sample()).sections
      .flatMap((s) => inlinesOf(s.blocks))
      .flatMap((i) => (i.type === 'text' ? (i.marks ?? []) : []))
      .filter((m) => m.type === 'link');
    expect(links.length).toBeGreaterThanOrEqual(2);
    expect(links.every((m) => m.type === 'link' && m.href === null)).toBe(true);
  });
});

describe('recognising structure in other plain text', () => {
  it('nests numbered headings by their numbering and keeps a lead-in line as text', async () => {
    const doc = await fromText(
      [
        'Centre for Policy Studies',
        '',
        'Water Security in Dry Regions',
        '',
        'Working Paper 7 | 3 March 2025',
        '',
        '1. Background',
        '',
        'Rainfall has fallen for a decade. Such an approach should',
        '- protect wells',
        '- share data',
        '',
        '1.1 Scope of the study',
        '',
        'We studied [four basins](https://example.org/basins) and [a trap](javascript:alert(1)).',
        '',
        'KEY FINDINGS',
        '',
        'Storage matters most.[^a]',
        '',
        '[^a]: Measured in 2024.',
        '',
        '2. Recommendations',
        '',
        'Invest in storage.',
      ].join('\r\n'),
    );
    expect(doc.meta).toMatchObject({
      title: 'Water Security in Dry Regions',
      organisation: 'Centre for Policy Studies',
      reference: 'Working Paper 7',
      date: '2025-03-03',
    });
    expect(doc.sections.map((s) => `${s.path} ${s.heading}`)).toEqual([
      '1 1. Background',
      '1.1 1.1 Scope of the study',
      '1.1.1 KEY FINDINGS',
      '2 2. Recommendations',
    ]);
    const background = doc.sections[0]!;
    expect(background.blocks.map((b) => b.type)).toEqual(['paragraph', 'list']);
    const links = inlinesOf(doc.sections[1]!.blocks).flatMap((i) =>
      i.type === 'text' ? (i.marks ?? []).filter((m) => m.type === 'link') : [],
    );
    expect(links).toEqual([
      { type: 'link', href: 'https://example.org/basins' },
      { type: 'link', href: null },
    ]);
    const findings = doc.sections[2]!.blocks;
    expect(findings.map((b) => b.type)).toEqual(['paragraph', 'footnote']);
    expect(inlinesOf(findings).some((i) => i.type === 'footnoteRef' && i.label === 'a')).toBe(true);
  });

  it('makes a heading-less text one section and names the brief after the file', async () => {
    const doc = await fromText('Just one paragraph of notes, nothing else.\n', 'field-notes.txt');
    expect(doc.meta.title).toBe('field-notes');
    expect(doc.sections).toHaveLength(1);
    expect(doc.sections[0]).toMatchObject({ id: 'introduction', level: 1, path: '1' });
  });

  it('suffixes repeated headings to keep ids unique', async () => {
    const doc = await fromText(
      'Water Outlook\n\nSummary\n\nFirst text.\n\nSummary\n\nSecond text.\n',
    );
    expect(doc.sections.map((s) => s.id)).toEqual(['summary', 'summary-2']);
  });
});
