import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, BriefDocument, Inline, Section } from '../../src/shared/model';
import { importBriefFile } from '../../src/main/import/importBriefFile';
import { ImportError } from '../../src/main/import/ImportError';

const corpusDir = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
const GAO = 'gao-07-791-reexamining-regulations-retrospective-reviews';
const fromCorpus = (name: string): Promise<BriefDocument> =>
  importBriefFile(name, readFileSync(join(corpusDir, name)));
const fromHtml = (html: string, name = 'page.html'): Promise<BriefDocument> =>
  importBriefFile(name, new TextEncoder().encode(html));

function* walk(blocks: readonly Block[]): Generator<Block> {
  for (const block of blocks) {
    yield block;
    if (block.type === 'list') for (const item of block.items) yield* walk(item.blocks);
    if (block.type === 'quote') yield* walk(block.blocks);
  }
}
const allBlocks = (doc: BriefDocument): Block[] => doc.sections.flatMap((s) => [...walk(s.blocks)]);
const textOf = (inlines: readonly Inline[]): string =>
  inlines
    .map((i) => (i.type === 'text' ? i.text : i.type === 'footnoteRef' ? i.label : '\n'))
    .join('');
const byHeading = (doc: BriefDocument, heading: string): Section => {
  const section = doc.sections.find((s) => s.heading === heading);
  if (!section) throw new Error(`no section "${heading}"`);
  return section;
};
const allText = (doc: BriefDocument): string =>
  JSON.stringify(doc.sections.map((s) => [s.heading, s.blocks]));

async function importFailure(name: string, bytes: Uint8Array): Promise<ImportError> {
  try {
    await importBriefFile(name, bytes);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error(`importing ${name} did not fail`);
}

describe('importing the GAO web page from the corpus', () => {
  it('finds the report, not the site: title, report number, date, publisher, outline', async () => {
    const started = performance.now();
    const doc = await fromCorpus(`${GAO}.html`);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(doc.format).toBe('html');
    expect(doc.meta).toMatchObject({
      title:
        'Information Technology: Agencies Need to Establish Comprehensive Policies to Guide Use of Mobile Devices',
      reference: 'GAO-07-791',
      date: '2007-07-01',
      organisation: 'U.S. Government Accountability Office',
      language: 'en',
    });
    expect(doc.sections.map((s) => [s.path, s.heading])).toEqual([
      ['1', 'Highlights'],
      ['1.1', 'What GAO Found'],
      ['1.2', 'Why GAO Did This Study'],
      ['1.3', 'What GAO Recommends'],
    ]);
    const text = allText(doc);
    // Site navigation, download buttons and the page footer are not part of the brief.
    expect(text).not.toContain('All Reports');
    expect(text).not.toContain('EPUB (Kindle)');
    expect(text).not.toContain('converted to open formats');
    expect(text).toContain('completed over 1,300 reviews of existing regulations');
    expect(text).toContain('PRINTED ON');
  });

  it('keeps its seven tables with header rows, bold runs and line breaks', async () => {
    const doc = await fromCorpus(`${GAO}.html`);
    const tables = allBlocks(doc).filter((b) => b.type === 'table');
    expect(tables).toHaveLength(7);
    expect(tables.every((t) => t.type === 'table' && t.headerRows === 1)).toBe(true);
    const cells = tables.flatMap((t) => (t.type === 'table' ? t.rows.flat() : []));
    expect(cells.some((c) => c.content.some((i) => i.type === 'lineBreak'))).toBe(true);
    const bold = allBlocks(doc).some(
      (b) =>
        b.type === 'paragraph' &&
        b.content.some(
          (i) => i.type === 'text' && i.text === 'Letter' && i.marks?.[0]?.type === 'bold',
        ),
    );
    expect(bold).toBe(true);
    expect(allBlocks(doc).filter((b) => b.type === 'code').length).toBeGreaterThan(40);
  });

  it('matches the outline and metadata of its Markdown twin', async () => {
    const html = await fromCorpus(`${GAO}.html`);
    const markdown = await fromCorpus(`${GAO}.md`);
    const outline = (doc: BriefDocument): string[] =>
      doc.sections
        .filter((s) => s.level <= 2)
        .map((s) => s.heading)
        .slice(0, 4);
    expect(outline(html)).toEqual(outline(markdown));
    expect(html.meta.title).toBe(markdown.meta.title);
    expect(html.meta.reference).toBe(markdown.meta.reference);
    expect(html.meta.date).toBe(markdown.meta.date);
    const tables = (doc: BriefDocument): number =>
      allBlocks(doc).filter((b) => b.type === 'table').length;
    expect(tables(html)).toBe(tables(markdown));
  });
});

describe('reading a saved web page', () => {
  const article = (body: string, head = ''): string =>
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Water Security — Policy Lab</title>${head}</head>
<body>
<header class="site-header"><nav><a href="/">Home</a> <a href="/about">About us</a></nav></header>
<div id="cookie-banner">We use cookies. <button>Accept</button></div>
<main><article>${body}</article></main>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/x">Another story</a></li></ul></aside>
<footer><p>© Policy Lab. All rights reserved.</p></footer>
</body></html>`;
  const prose =
    'Rivers that cross borders need shared rules for allocating water in dry years, and the basin states have been negotiating those rules for a decade without agreement. ';

  it('drops navigation, cookie banners, sidebars and footers and keeps the article', async () => {
    const doc = await fromHtml(
      article(`<h1>Sharing Rivers in Dry Years</h1><p>${prose.repeat(3)}</p>
<h2>Findings</h2><p>${prose}</p><h3>Allocation</h3><p>${prose}</p><h2>Options</h2><p>${prose}</p>`),
    );
    expect(doc.meta.title).toBe('Sharing Rivers in Dry Years');
    expect(doc.sections.map((s) => [s.path, s.heading])).toEqual([
      ['1', 'Introduction'],
      ['2', 'Findings'],
      ['2.1', 'Allocation'],
      ['3', 'Options'],
    ]);
    const text = allText(doc);
    for (const furniture of ['About us', 'cookies', 'Most read', 'All rights reserved']) {
      expect(text).not.toContain(furniture);
    }
  });

  it('reads title, authors, date, publisher, report number and keywords from meta tags', async () => {
    const head = `<meta name="citation_title" content="Sharing Rivers in Dry Years">
<meta name="citation_author" content="Amira Haddad"><meta name="citation_author" content="Jonas Berg">
<meta name="citation_publication_date" content="2023/11/05">
<meta name="citation_publisher" content="Basin Policy Institute">
<meta name="citation_technical_report_number" content="BPI-23-07">
<meta name="keywords" content="water, transboundary rivers, drought">`;
    const doc = await fromHtml(article(`<h1>Sharing Rivers</h1><p>${prose.repeat(3)}</p>`, head));
    expect(doc.meta).toMatchObject({
      title: 'Sharing Rivers in Dry Years',
      authors: ['Amira Haddad', 'Jonas Berg'],
      date: '2023-11-05',
      organisation: 'Basin Policy Institute',
      reference: 'BPI-23-07',
      tags: ['water', 'transboundary rivers', 'drought'],
      language: 'en',
    });
    // A single h1 that differs from the stated title stays in the outline.
    expect(doc.sections.map((s) => s.heading)).toContain('Sharing Rivers');
  });

  it('uses the page title without the site name when the page has no h1', async () => {
    const doc = await fromHtml(article(`<h2>Findings</h2><p>${prose.repeat(3)}</p>`));
    expect(doc.meta.title).toBe('Water Security');
  });

  it('maps lists, quotes, code, rules, captions and inline marks', async () => {
    const doc = await fromHtml(`<h2>Plan</h2>
<p>Some <b>bold</b>, <em>italic</em> and <code>code</code> text with <a href="https://example.org/a">a link</a>.</p>
<ol start="3"><li>Third<ul><li>Nested <strong>point</strong></li></ul></li><li><p>Fourth</p></li></ol>
<blockquote><p>Quoted words.</p></blockquote>
<pre><code class="language-python">print("hi")
</code></pre>
<hr>
<figure><img src="https://tracker.example/pixel.png" alt="chart"><figcaption>Figure 1: Flows</figcaption></figure>
<table><thead><tr><th>Basin</th><th>Share</th></tr></thead><tbody><tr><td>Upper</td><td colspan="2">40%</td></tr></tbody></table>`);
    const plan = byHeading(doc, 'Plan');
    const [paragraph, list, quote, code, rule, caption, table] = plan.blocks;
    expect(paragraph).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Some ' },
        { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
        { type: 'text', text: ', ' },
        { type: 'text', text: 'italic', marks: [{ type: 'italic' }] },
        { type: 'text', text: ' and ' },
        { type: 'text', text: 'code', marks: [{ type: 'code' }] },
        { type: 'text', text: ' text with ' },
        { type: 'text', text: 'a link', marks: [{ type: 'link', href: 'https://example.org/a' }] },
        { type: 'text', text: '.' },
      ],
    });
    expect(list).toMatchObject({ type: 'list', ordered: true, start: 3 });
    if (list?.type !== 'list') throw new Error('no list');
    expect(list.items).toHaveLength(2);
    expect(list.items[0]?.blocks[1]).toMatchObject({ type: 'list', ordered: false });
    expect(quote).toEqual({
      type: 'quote',
      blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quoted words.' }] }],
    });
    expect(code).toEqual({ type: 'code', text: 'print("hi")', language: 'python' });
    expect(rule).toEqual({ type: 'rule' });
    expect(caption).toEqual({
      type: 'caption',
      content: [{ type: 'text', text: 'Figure 1: Flows' }],
    });
    expect(table).toMatchObject({ type: 'table', headerRows: 1 });
    if (table?.type !== 'table') throw new Error('no table');
    expect(table.rows[1]?.map((c) => textOf(c.content))).toEqual(['Upper', '40%', '']);
    expect(doc.warnings).toEqual(['1 image was not imported (Briefmark keeps the text only).']);
  });

  it('links footnote references to their notes and drops the back-links', async () => {
    const doc = await fromHtml(`<h2>Costs</h2>
<p>Dams cost more than planned.<sup id="fnref1"><a href="#fn1" class="footnote-ref">1</a></sup> Again.<a href="#fn2" role="doc-noteref"><sup>2</sup></a></p>
<h2>Options</h2><p>Repeat.<sup><a href="#fn1">[1]</a></sup></p>
<section class="footnotes" role="doc-endnotes"><hr><ol>
<li id="fn1"><p>World Bank, 2019. <a href="#fnref1" class="footnote-back">↩︎</a></p></li>
<li id="fn2"><p>See <a href="https://example.org/report">the report</a>.</p></li></ol></section>`);
    const costs = byHeading(doc, 'Costs');
    const paragraph = costs.blocks[0];
    if (paragraph?.type !== 'paragraph') throw new Error('no paragraph');
    expect(paragraph.content.filter((i) => i.type === 'footnoteRef')).toEqual([
      { type: 'footnoteRef', label: '1', footnoteId: 'fn-1' },
      { type: 'footnoteRef', label: '2', footnoteId: 'fn-2' },
    ]);
    const notes = costs.blocks.filter((b) => b.type === 'footnote');
    expect(notes).toEqual([
      {
        type: 'footnote',
        footnoteId: 'fn-1',
        label: '1',
        content: [{ type: 'text', text: 'World Bank, 2019.' }],
      },
      {
        type: 'footnote',
        footnoteId: 'fn-2',
        label: '2',
        content: [
          { type: 'text', text: 'See ' },
          {
            type: 'text',
            text: 'the report',
            marks: [{ type: 'link', href: 'https://example.org/report' }],
          },
          { type: 'text', text: '.' },
        ],
      },
    ]);
    const options = byHeading(doc, 'Options');
    expect(options.blocks).toHaveLength(1);
    expect(allText(doc)).not.toContain('↩');
  });

  it('decodes a Windows-1252 page and one that declares ISO-8859-1', async () => {
    // Single-byte text: Latin-1 letters as themselves, 0x80 = €, 0x96 = –, 0x92 = ’.
    const bytes = (parts: (string | number)[]): Uint8Array =>
      Uint8Array.from(
        parts.flatMap((p) => (typeof p === 'number' ? [p] : [...p].map((c) => c.charCodeAt(0)))),
      );
    const firstText = (doc: BriefDocument): string =>
      textOf((doc.sections[0]?.blocks[0] as { content: Inline[] }).content);
    const undeclared = await importBriefFile(
      'old.html',
      bytes(['<p>Caf', 0xe9, ' costs 5', 0x80, ' ', 0x96, ' it', 0x92, 's fine.</p>']),
    );
    expect(firstText(undeclared)).toBe('Café costs 5€ – it’s fine.');
    const declared = await importBriefFile(
      'latin.html',
      bytes([
        '<html><head><meta charset="iso-8859-1"></head><body><p>Gr',
        0xfc,
        0xdf,
        'e aus K',
        0xf6,
        'ln</p></body></html>',
      ]),
    );
    expect(firstText(declared)).toBe('Grüße aus Köln');
  });

  it('marks Arabic paragraphs right-to-left and detects the language', async () => {
    const doc = await fromHtml(
      '<h2>الملخص</h2><p>\u202bأدى النزاع في سوريا إلى خسائر اقتصادية كبيرة في المنطقة بأكملها\u202c</p>',
    );
    expect(doc.meta.language).toBe('ar');
    expect(doc.sections[0]?.blocks[0]).toEqual({
      type: 'paragraph',
      dir: 'rtl',
      content: [
        { type: 'text', text: 'أدى النزاع في سوريا إلى خسائر اقتصادية كبيرة في المنطقة بأكملها' },
      ],
    });
  });

  it('refuses a page with no readable text, binary data, and stops when cancelled', async () => {
    expect(
      await importFailure(
        'empty.html',
        new TextEncoder().encode('<html><body><script>x()</script></body></html>'),
      ),
    ).toMatchObject({
      code: 'import_failed',
      message: '“empty.html” has no readable text to import.',
    });
    const pdf = readFileSync(join(corpusDir, 'dia-2025-digital-infrastructure-alliance-brief.pdf'));
    expect(await importFailure('brief.html', pdf)).toMatchObject({
      code: 'import_failed',
      message:
        '“brief.html” is named like a web page but contains a PDF file, so Briefmark cannot read it.',
    });
    const controller = new AbortController();
    controller.abort();
    await expect(
      importBriefFile('gao.html', readFileSync(join(corpusDir, `${GAO}.html`)), {
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('survives 20,000 nested elements without overflowing the stack', async () => {
    const html = `${'<div>'.repeat(20_000)}deep text${'</div>'.repeat(20_000)}`;
    const doc = await fromHtml(html);
    expect(allText(doc)).toContain('deep text');
  });
});
