import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, BriefDocument, Section } from '../../src/shared/model';
import type { ImportProgress } from '../../src/main/import/ImportOptions';
import { ImportError } from '../../src/main/import/ImportError';
import { pdfImporter } from '../../src/main/import/pdf/pdfImporter';
import { inlinePlainText } from '../../src/main/import/structure/inlinePlainText';

const corpusDir = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
const SIDEBAR = 'crs-legal-sidebar-lsb11421-v1-esa-god-squad-exemption.pdf';
const EDA = 'crs-report-r46991-v32-economic-development-administration.pdf';
const TAX = 'crs-report-rl34498-federal-income-tax-brackets.pdf';
const DIA = 'dia-2025-digital-infrastructure-alliance-brief.pdf';
const GAO = 'gao-07-791-reexamining-regulations-retrospective-reviews.pdf';
const SCAN = 'jfk-nara-176-10011-10152-special-group-minutes-1961-scanned.pdf';
const HTML_AS_PDF = 'oddball-gao-08-1075t-html-404-page-saved-as.pdf';

const bytesOf = (name: string): Uint8Array => new Uint8Array(readFileSync(join(corpusDir, name)));
// Each PDF is imported once per file run; the tests share the result.
const cache = new Map<string, Promise<BriefDocument>>();
const load = (name: string): Promise<BriefDocument> => {
  let doc = cache.get(name);
  if (!doc) cache.set(name, (doc = pdfImporter.import(bytesOf(name), name, {})));
  return doc;
};
const refusal = async (promise: Promise<unknown>): Promise<ImportError> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ImportError))
    throw new Error(`expected an ImportError, got ${String(error)}`);
  return error;
};

function* walk(blocks: readonly Block[]): Generator<Block> {
  for (const block of blocks) {
    yield block;
    if (block.type === 'list') for (const item of block.items) yield* walk(item.blocks);
  }
}
const paragraphs = (doc: BriefDocument): string[] =>
  doc.sections.flatMap((s) =>
    [...walk(s.blocks)].flatMap((b) =>
      b.type === 'paragraph' ? [inlinePlainText(b.content)] : [],
    ),
  );
const section = (doc: BriefDocument, heading: string): Section => {
  const found = doc.sections.find((s) => s.heading === heading);
  if (!found)
    throw new Error(`no "${heading}" in ${doc.sections.map((s) => s.heading).join(' | ')}`);
  return found;
};
const children = (doc: BriefDocument, parent: Section): string[] =>
  doc.sections.filter((s) => s.parentId === parent.id).map((s) => s.heading);
const topLevel = (doc: BriefDocument): string[] =>
  doc.sections.filter((s) => s.level === 1).map((s) => s.heading);
const tableRows = (doc: BriefDocument): string[][][] =>
  doc.sections.flatMap((s) =>
    [...walk(s.blocks)].flatMap((b) =>
      b.type === 'table'
        ? [b.rows.map((row) => row.map((cell) => inlinePlainText(cell.content).trim()))]
        : [],
    ),
  );

describe('importing a CRS Legal Sidebar (LSB11421)', () => {
  it('reads title, authors, publisher, report number and date', async () => {
    const { meta, format } = await load(SIDEBAR);
    expect(format).toBe('pdf');
    expect(meta).toMatchObject({
      title:
        'ESA “God Squad” Exemption for Gulf Oil and Gas Activities: Background and Current Litigation',
      authors: ['Cassandra J. Barnum', 'Erin H. Ward'],
      organisation: 'Congressional Research Service',
      reference: 'LSB11421',
      date: '2026-04-20',
      language: 'en',
    });
  });

  it('recovers the bold headings and nests the subheadings under them', async () => {
    const doc = await load(SIDEBAR);
    const top = doc.sections.filter((s) => s.level === 1).map((s) => s.heading);
    expect(top).toEqual([
      'Introduction',
      'Exemptions from ESA Section 7',
      'Gulf Oil and Gas Leasing Consultation and NMFS Biological Opinion',
      'The National Security Exemption',
      'Considerations for Congress',
      'Author Information',
      'Disclaimer',
    ]);
    expect(children(doc, section(doc, 'Exemptions from ESA Section 7'))).toEqual([
      'Section 7 Consultation',
      'Endangered Species Committee and the Section 7 Exemption Process',
    ]);
    expect(children(doc, section(doc, 'The National Security Exemption'))).toEqual([
      'Preliminary Litigation',
      'Endangered Species Committee Meeting and Decision',
      'Subsequent Litigation and Likely Legal Issues',
    ]);
  });

  it('keeps a paragraph that runs over a page break in one piece', async () => {
    const text = paragraphs(await load(SIDEBAR));
    const joined = text.find((p) => p.startsWith('Section 7(g) governs the process'));
    expect(joined).toContain(
      'submits a written application to the Secretary of the Interior or Commerce, as applicable',
    );
    expect(joined?.endsWith('in violation of Section 7(d).')).toBe(true);
  });

  it('drops the running footer and page numbers from the text', async () => {
    const text = paragraphs(await load(SIDEBAR));
    expect(text.filter((p) => /^Congressional Research Service \d+$/.test(p))).toEqual([]);
    expect(text.filter((p) => /^\d{1,3}$/.test(p))).toEqual([]);
    expect(text.join('\n')).not.toMatch(/Congressional Research Service \d/);
  });
});

describe('importing a long CRS report with footnotes (R46991)', () => {
  it('reads the report number and the title from the PDF info', async () => {
    const { meta } = await load(EDA);
    expect(meta.reference).toBe('R46991');
    expect(meta.title).toBe(
      'Economic Development Administration: An Overview of Programs and Appropriations (FY2012-FY2026)',
    );
    expect(meta.authors).toEqual(['Julie M. Lawhorn']);
  });

  it('names the summary page’s text “Summary” and starts the sections at the Introduction', async () => {
    const doc = await load(EDA);
    expect(topLevel(doc).slice(0, 4)).toEqual([
      'Summary',
      'Introduction',
      'Agency Overview',
      'EDA Grant Programs',
    ]);
    expect(
      doc.sections.map((s) => s.heading).filter((h) => /^(?:Updated |SUMMARY$|R46991$)/.test(h)),
    ).toEqual([]);
  });

  it('finds the report’s headings and drops the dot-leader table of contents', async () => {
    const doc = await load(EDA);
    const headings = doc.sections.map((s) => s.heading);
    for (const h of [
      'Introduction',
      'Agency Overview',
      'EDA Grant Programs',
      'Policy Considerations',
    ])
      expect(headings).toContain(h);
    expect(paragraphs(doc).join('\n')).not.toMatch(/\.{6,}\s*\d+/);
  });

  it('separates footnotes from the text and links the markers to them', async () => {
    const doc = await load(EDA);
    const blocks = doc.sections.flatMap((s) => [...walk(s.blocks)]);
    const notes = blocks.filter((b) => b.type === 'footnote');
    expect(notes.length).toBeGreaterThan(150);
    const refs = blocks.flatMap((b) =>
      b.type === 'paragraph' ? b.content.filter((i) => i.type === 'footnoteRef') : [],
    );
    expect(refs.length).toBeGreaterThan(100);
    const ids = new Set(notes.map((n) => (n.type === 'footnote' ? n.footnoteId : '')));
    for (const ref of refs)
      if (ref.type === 'footnoteRef') expect(ids.has(ref.footnoteId)).toBe(true);
    // Footnote text does not leak into the body paragraphs.
    expect(paragraphs(doc).some((p) => /^\d{1,3} EDA, “/.test(p))).toBe(false);
  });
});

describe('importing a CRS report made mostly of tables (RL34498)', () => {
  it('takes its sections from the printed contents, not from table titles', async () => {
    const doc = await load(TAX);
    // The contents page lists these seven; the cover and summary page come first.
    expect(topLevel(doc)).toEqual([
      'Summary',
      'Introduction',
      'Overview of Key Individual Income Tax Items',
      'Inflation, Bracket Creep, and Indexation',
      'Tax Tables from 1988 to 2026',
      'Appendix. Brief Summary of Major Legislation Affecting Individual Statutory Rates Since 1986',
      'Author Information',
    ]);
    expect(children(doc, section(doc, 'Overview of Key Individual Income Tax Items'))).toEqual([
      'Tax Rates and Brackets',
      'Personal Exemption',
      'Itemized Deductions and the Standard Deduction',
    ]);
    const headings = doc.sections.map((s) => s.heading);
    expect(
      headings.filter((h) => /Returns$|^Table \d|^Personal Exemption:|Rates, \d{4}/.test(h)),
    ).toEqual([]);
  });

  it('keeps the tax brackets as table rows', async () => {
    const tables = tableRows(await load(TAX));
    const brackets = tables.filter((t) => t.some((row) => row.includes('If taxable income is:')));
    // Three or four filing statuses for each year from 1988 to 2026.
    expect(brackets.length).toBeGreaterThanOrEqual(117);
    expect(brackets.flat()).toContainEqual([
      'over $24,800 to $100,800',
      '',
      '$2,480 + 12% of the amount over $24,800',
    ]);
  });

  it('keeps the cover and summary page out of the outline', async () => {
    const doc = await load(TAX);
    const headings = doc.sections.map((s) => s.heading);
    for (const junk of ['SUMMARY', 'RL34498', 'Nicholas E. Buffie', 'Contents', 'Appendixes'])
      expect(headings).not.toContain(junk);
    expect(headings.filter((h) => /^Updated /.test(h))).toEqual([]);
    const summary = section(doc, 'Summary');
    expect(
      summary.blocks.some(
        (b) =>
          b.type === 'paragraph' &&
          inlinePlainText(b.content).startsWith('Current statutory tax rates have evolved'),
      ),
    ).toBe(true);
  });
});

describe('importing the Digital Infrastructure Alliance brief (same brief as the .md)', () => {
  it('finds the nine Roman-numeral sections of the Markdown version', async () => {
    const doc = await load(DIA);
    const roman = doc.sections.filter((s) => s.level === 1 && /^[IVX]+\. /.test(s.heading));
    expect(roman.map((s) => s.heading)).toEqual([
      'I. The Infrastructure Crisis',
      'II. The Case for Multinational Coordination',
      'III. Proposed Framework: Digital Infrastructure Alliance',
      'IV. Economic and Strategic Rationale',
      'V. Implementation Roadmap',
      'VI. Addressing Potential Objections',
      'VII. Windows of Opportunity',
      'VIII. Call to Action',
      'IX. Conclusion',
    ]);
    expect(children(doc, section(doc, 'I. The Infrastructure Crisis'))).toEqual([
      'The Paradox of Value and Investment',
      'Current Funding Landscape: Fragmented and Insufficient',
      'The Free-Rider Problem at Scale',
    ]);
  });

  it('takes the title from the largest text on page 1 and the date from the cover', async () => {
    const { meta } = await load(DIA);
    expect(meta.title).toBe('Digital Infrastructure Alliance');
    expect(meta.date).toBe('2025-12');
  });

  it('keeps the hyphen of a real compound broken at a line end', async () => {
    const text = paragraphs(await load(DIA)).join('\n');
    expect(text).toContain('Schleswig-Holstein');
    expect(text).not.toContain('Schleswig- Holstein');
  });
});

describe('importing GAO-07-791', () => {
  it('reads the GAO number, the title without it, and the publisher', async () => {
    const { meta } = await load(GAO);
    expect(meta.reference).toBe('GAO-07-791');
    expect(meta.title).toBe(
      'Reexamining Regulations: Opportunities Exist to Improve Effectiveness and Transparency of Retrospective Reviews',
    );
    expect(meta.organisation).toContain('Government Accountability Office');
    expect(meta.date).toBe('2007-07');
  });

  it('uses the PDF bookmarks for the appendix sections', async () => {
    const headings = (await load(GAO)).sections.map((s) => s.heading);
    expect(headings.some((h) => h.startsWith('Appendix I: Objectives, Scope and'))).toBe(true);
    expect(headings.some((h) => h.startsWith('Appendix II: Department of Agriculture'))).toBe(true);
  });

  it('splits the side headings in the margin from the body text beside them', async () => {
    const doc = await load(GAO);
    expect(topLevel(doc).slice(0, 4)).toEqual([
      'Highlights',
      'Results in Brief',
      'Background',
      'All Selected Agencies Reviewed Existing Regulations, but the Purposes of the Reviews Varied',
    ]);
    const brief = section(doc, 'Results in Brief').blocks[0];
    expect(brief?.type === 'paragraph' && inlinePlainText(brief.content)).toMatch(
      /^Since 2001, all of the selected agencies conducted multiple retrospective reviews of existing regulations\./,
    );
    const headings = doc.sections.map((s) => s.heading);
    for (const h of ['Scope of Reviews', 'Statutory Provisions', 'Conclusions', 'Agency Comments'])
      expect(headings).toContain(h);
    expect(headings).toContain('Appendix I: Objectives, Scope and Methodology');
    expect(
      headings.filter((h) => h.length > 150 || /^(?:Results in Brief|Background) \S/.test(h)),
    ).toEqual([]);
  });

  it('keeps the cover and the Highlights page together before the first section', async () => {
    const doc = await load(GAO);
    const highlights = section(doc, 'Highlights');
    expect(highlights.level).toBe(1);
    expect(children(doc, highlights)).toEqual([]);
    const inside = highlights.blocks.flatMap((b) =>
      b.type === 'heading' ? [inlinePlainText(b.content)] : [],
    );
    expect(inside).toEqual(expect.arrayContaining(['Why GAO Did This Study', 'What GAO Found']));
    expect(doc.sections.map((s) => s.heading)).not.toContain('GAO-07-791');
  });

  it('drops the “Page N GAO-07-791” running footer', async () => {
    const text = paragraphs(await load(GAO)).join('\n');
    expect(text).not.toMatch(/^Page \d+ GAO-07-791/m);
  });
});

describe('PDFs that cannot be imported', () => {
  it('refuses a scan without a text layer and says so', async () => {
    const error = await refusal(pdfImporter.import(bytesOf(SCAN), SCAN, {}));
    expect(error.code).toBe('no_text_layer');
    expect(error.message).toContain(SCAN);
    expect(error.message).toMatch(/no text layer.*scanned/);
  });

  it('refuses a web page saved with a .pdf extension, naming it a web page', async () => {
    const error = await refusal(pdfImporter.import(bytesOf(HTML_AS_PDF), HTML_AS_PDF, {}));
    expect(error.code).toBe('damaged');
    expect(error.message).toBe(
      `“${HTML_AS_PDF}” is a web page (HTML) saved with a .pdf extension, not a PDF; open it in a browser or import it as .html.`,
    );
  });

  it('refuses a truncated PDF (the first half of a real one) as damaged', async () => {
    const whole = bytesOf(SIDEBAR);
    const half = whole.slice(0, Math.floor(whole.length / 2));
    const error = await refusal(pdfImporter.import(half, 'half.pdf', {}));
    expect(error.code).toBe('damaged');
    expect(error.message).toMatch(/^“half\.pdf” is damaged or incomplete/);
  });

  it('refuses binary garbage that is not a PDF', async () => {
    const error = await refusal(pdfImporter.import(new Uint8Array(4096).fill(7), 'x.pdf', {}));
    expect(error.code).toBe('damaged');
    expect(error.message).toContain('is not a PDF file');
  });

  it('stops with “cancelled” when the import is aborted between pages', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const error = await refusal(
      pdfImporter.import(bytesOf(TAX), TAX, {
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p.done);
          if (p.done === 3) controller.abort();
        },
      }),
    );
    expect(error.code).toBe('cancelled');
    expect(error.message).toBe(`The import of “${TAX}” was cancelled.`);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('reports progress page by page', async () => {
    const progress: ImportProgress[] = [];
    await pdfImporter.import(bytesOf(SIDEBAR), SIDEBAR, { onProgress: (p) => progress.push(p) });
    expect(progress).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((done) => ({ done, total: 7, unit: 'page' })),
    );
  });
});
