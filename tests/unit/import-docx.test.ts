import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Block, BriefDocument, Inline } from '../../src/shared/model';
import { importBriefFile } from '../../src/main/import/importBriefFile';
import { ImportError } from '../../src/main/import/ImportError';

const corpusDir = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
const ALGA = 'alga-2025-financial-assistance-grants-policy-brief';
const corpusFile = (name: string): Uint8Array => readFileSync(join(corpusDir, name));

const W =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const para = (text: string, style?: string, extra = ''): string =>
  `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${extra}</w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const item = (text: string, level: number): string =>
  para(text, 'ListParagraph', `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="1"/></w:numPr>`);
const cell = (text: string): string => `<w:tc>${para(text)}</w:tc>`;

/** A small Word file written part by part, as Word lays it out. */
async function buildDocx(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
  );
  zip.file(
    'docProps/core.xml',
    `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Water Rights &amp; Drought</dc:title><dc:creator>Ana Lima; Ben Ode</dc:creator><dc:language>en-GB</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">2024-03-05T09:00:00Z</dcterms:created></cp:coreProperties>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL}/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="${REL}/footnotes" Target="footnotes.xml"/><Relationship Id="rId4" Type="${REL}/hyperlink" Target="javascript:alert(document.cookie)" TargetMode="External"/><Relationship Id="rId5" Type="${REL}/hyperlink" Target="https://example.org/source" TargetMode="External"/></Relationships>`,
  );
  const style = (id: string, name: string, inner = ''): string =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/>${inner}</w:style>`;
  zip.file(
    'word/styles.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>${style('Normal', 'Normal')}${style('Title', 'Title')}${style('Heading1', 'heading 1', '<w:pPr><w:outlineLvl w:val="0"/></w:pPr>')}${style('Heading2', 'heading 2', '<w:pPr><w:outlineLvl w:val="1"/></w:pPr>')}${style('Quote', 'Quote')}${style('ListParagraph', 'List Paragraph')}${style('BriefSection', 'Brief Section', '<w:basedOn w:val="Heading2"/>')}${style('AgencyNote', 'Agency Note')}</w:styles>`,
  );
  zip.file(
    'word/numbering.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
  );
  zip.file(
    'word/footnotes.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>Basin Authority, annual report 2023.</w:t></w:r></w:p></w:footnote></w:footnotes>`,
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}

const SAMPLE = [
  para('Sharing Water in Dry Years', 'Title'),
  para('Findings', 'Heading1'),
  `<w:p><w:r><w:t xml:space="preserve">Allocation is </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>contested</w:t></w:r><w:r><w:t xml:space="preserve"> and </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>urgent</w:t></w:r><w:r><w:t>.</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r></w:p>`,
  `<w:p><w:hyperlink r:id="rId4"><w:r><w:t>Click me</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> or read the </w:t></w:r><w:hyperlink r:id="rId5"><w:r><w:t>source</w:t></w:r></w:hyperlink></w:p>`,
  para('Regional detail', 'BriefSection'),
  item('Upper basin', 0),
  item('Snowpack', 1),
  item('Lower basin', 0),
  para('Water is a shared inheritance.', 'Quote'),
  para('A note in a custom style.', 'AgencyNote'),
  `<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr>${cell('Basin')}${cell('Share')}</w:tr><w:tr>${cell('Upper')}${cell('40%')}</w:tr></w:tbl>`,
  para('Options', 'Heading1'),
  para('Negotiate a drought protocol.'),
].join('');

const textOf = (inlines: readonly Inline[]): string =>
  inlines
    .map((i) => (i.type === 'text' ? i.text : i.type === 'footnoteRef' ? `[${i.label}]` : '\n'))
    .join('');

async function importFailure(name: string, bytes: Uint8Array): Promise<ImportError> {
  try {
    await importBriefFile(name, bytes);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error(`importing ${name} did not fail`);
}

describe('importing Word documents', () => {
  it('reads the ALGA brief like its Quarto source: title and the four sections', async () => {
    const doc = await importBriefFile(`${ALGA}.docx`, corpusFile(`${ALGA}.docx`));
    const twin = await importBriefFile(`${ALGA}.qmd`, corpusFile(`${ALGA}.qmd`));
    expect(doc.format).toBe('docx');
    expect(doc.meta).toMatchObject({
      title: 'Financial Assistance Grants: Paths towards equitable reform',
      date: '2025-10-03',
      language: 'en',
    });
    expect(doc.meta.title).toBe(twin.meta.title);
    expect(doc.sections.map((s) => s.heading)).toEqual(twin.sections.map((s) => s.heading));
    expect(doc.sections.map((s) => s.heading)).toEqual([
      'Executive Summary',
      'A high level look at weaknesses in the model',
      'Possible courses of action',
      'Recommendations',
    ]);
    const courses = doc.sections[2]?.blocks[0];
    expect(courses).toMatchObject({ type: 'list', ordered: true });
    if (courses?.type !== 'list') throw new Error('no list');
    expect(courses.items).toHaveLength(5);
    const first = courses.items[0]?.blocks[0];
    expect(first?.type === 'paragraph' && first.content[0]).toEqual({
      type: 'text',
      text: 'Increase the total quantum of grant',
      marks: [{ type: 'bold' }],
    });
    // Same words as the source, block by block.
    const blocksText = (d: BriefDocument): string[] =>
      d.sections.flatMap((s) =>
        s.blocks.map((b) => (b.type === 'paragraph' ? textOf(b.content) : b.type)),
      );
    expect(blocksText(doc).length).toBe(blocksText(twin).length);
    expect(doc.warnings).toBeUndefined();
  });

  it('maps headings, custom styles, nested lists, quotes, tables, marks, footnotes and links', async () => {
    const doc = await importBriefFile('water.docx', await buildDocx(SAMPLE));
    expect(doc.meta).toMatchObject({
      title: 'Sharing Water in Dry Years',
      authors: ['Ana Lima', 'Ben Ode'],
      date: '2024-03-05',
      language: 'en-GB',
    });
    expect(doc.sections.map((s) => [s.path, s.heading])).toEqual([
      ['1', 'Findings'],
      ['1.1', 'Regional detail'],
      ['2', 'Options'],
    ]);
    const [findings, regional] = doc.sections;
    const [marks, links, note] = findings?.blocks ?? [];
    expect(marks).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Allocation is ' },
        { type: 'text', text: 'contested', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' and ' },
        { type: 'text', text: 'urgent', marks: [{ type: 'italic' }] },
        { type: 'text', text: '.' },
        { type: 'footnoteRef', label: '1', footnoteId: 'fn-1' },
      ],
    });
    expect(links).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Click me', marks: [{ type: 'link', href: null }] },
        { type: 'text', text: ' or read the ' },
        {
          type: 'text',
          text: 'source',
          marks: [{ type: 'link', href: 'https://example.org/source' }],
        },
      ],
    });
    expect(note).toEqual({
      type: 'footnote',
      footnoteId: 'fn-1',
      label: '1',
      content: [{ type: 'text', text: 'Basin Authority, annual report 2023.' }],
    });
    const blocks: Block[] = regional?.blocks ?? [];
    expect(blocks.map((b) => b.type)).toEqual(['list', 'quote', 'paragraph', 'table']);
    const list = blocks[0];
    if (list?.type !== 'list') throw new Error('no list');
    expect(list.ordered).toBe(true);
    expect(list.items).toHaveLength(2);
    expect(list.items[0]?.blocks[1]).toMatchObject({
      type: 'list',
      ordered: false,
      items: [{ blocks: [{ type: 'paragraph' }] }],
    });
    expect(blocks[3]).toMatchObject({ type: 'table', headerRows: 1 });
    expect(JSON.stringify(doc)).not.toContain('javascript');
  });

  it('refuses a truncated Word file, and other files named .docx, as damaged', async () => {
    const full = corpusFile(`${ALGA}.docx`);
    const truncated = await importFailure(
      'brief.docx',
      full.subarray(0, Math.floor(full.length / 2)),
    );
    expect(truncated).toMatchObject({
      code: 'damaged',
      message: '“brief.docx” is damaged or incomplete (its ZIP container cannot be read).',
    });
    const pdf = await importFailure(
      'brief.docx',
      corpusFile('dia-2025-digital-infrastructure-alliance-brief.pdf'),
    );
    expect(pdf).toMatchObject({
      code: 'damaged',
      message: '“brief.docx” is not a Word document: it contains a PDF file.',
    });
    const text = await importFailure('notes.docx', new TextEncoder().encode('just some text'));
    expect(text.code).toBe('damaged');
    const epub = await importFailure(
      'book.docx',
      corpusFile('gao-07-791-reexamining-regulations-retrospective-reviews.epub'),
    );
    expect(epub).toMatchObject({
      code: 'damaged',
      message: '“book.docx” is a ZIP archive but not a Word document (it has no document body).',
    });
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      importBriefFile(`${ALGA}.docx`, corpusFile(`${ALGA}.docx`), { signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'cancelled' });
  });
});
