import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BriefDocument } from '../../src/shared/model';
import { pdfImporter } from '../../src/main/import/pdf/pdfImporter';
import { inlinePlainText } from '../../src/main/import/structure/inlinePlainText';

// The World Bank PDFs run in their own file so that vitest spreads the imports over two cores.
const corpusDir = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
const TCHAD = 'worldbank-tchad-diagnostic-systematique-pays-2015-french.pdf';
const THAI = 'worldbank-thailand-scd-executive-summary-thai.pdf';
const TUNISIA = 'worldbank-tunisia-systematic-country-diagnostic-2015.pdf';
const UZBEK = 'worldbank-uzbekistan-scd-2016-russian.pdf';

const cache = new Map<string, Promise<BriefDocument>>();
const load = (name: string): Promise<BriefDocument> => {
  let doc = cache.get(name);
  if (!doc) {
    const bytes = new Uint8Array(readFileSync(join(corpusDir, name)));
    cache.set(name, (doc = pdfImporter.import(bytes, name, {})));
  }
  return doc;
};
const allText = (doc: BriefDocument): string =>
  doc.sections
    .flatMap((s) => s.blocks.map((b) => (b.type === 'paragraph' ? inlinePlainText(b.content) : '')))
    .join('\n');

describe('importing World Bank country diagnostics', () => {
  it('reads the French diagnostic for Chad as French, titled from its cover', async () => {
    const { meta, sections } = await load(TCHAD);
    expect(meta.language).toBe('fr');
    expect(meta.title).toContain('TCHAD');
    expect(meta.title).not.toBe('World Bank Document');
    expect(sections.map((s) => s.heading)).toContain('Gouvernance et fragilité');
  });

  it('keeps Thai script intact and detects Thai', async () => {
    const doc = await load(THAI);
    expect(doc.meta.language).toBe('th');
    const text = allText(doc);
    expect(text).toMatch(/\p{Script=Thai}{20}/u);
    expect(text.normalize('NFC')).toBe(text);
    // No combining vowel or tone mark left stranded after a space.
    expect(text).not.toMatch(/\s[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/u);
    expect(doc.sections.map((s) => s.heading)).toContain('คำขอบคุณ');
  });

  it('reads the Russian diagnostic for Uzbekistan in Cyrillic with its contents headings', async () => {
    const doc = await load(UZBEK);
    expect(doc.meta.language).toBe('ru');
    expect(doc.meta.title).toBe('Систематическая диагностика страны по Узбекистану');
    const headings = doc.sections.map((s) => s.heading);
    expect(headings).toContain('Краткое резюме');
    expect(allText(doc)).toMatch(/Узбекистан/);
  });

  it('sections the 172-page Tunisia diagnostic by its bookmarks', async () => {
    const doc = await load(TUNISIA);
    const top = doc.sections.filter((s) => s.level === 1).map((s) => s.heading);
    expect(top).toContain('Acknowledgements');
    expect(top).toContain('Executive Summary');
    const summary = doc.sections.find((s) => s.heading === 'Executive Summary');
    expect(doc.sections.filter((s) => s.parentId === summary?.id).map((s) => s.heading)).toEqual([
      'Context',
      'Tunisia Systematic Country Diagnostic',
      'Sustainability of a Long Term Development Trajectory',
      'Conclusions',
    ]);
    expect(doc.warnings?.some((w) => w.includes('figure'))).toBe(true);
  });

  it('recovers the case of Tunisia’s small-capital headings from its printed contents', async () => {
    const doc = await load(TUNISIA);
    expect(doc.sections.filter((s) => s.level === 1).map((s) => s.heading)).toEqual([
      'Cover',
      'Acknowledgements',
      'Abbreviations',
      'Executive Summary',
      'Introduction',
      'Annex I: Matrix of Identified Constraints and Opportunities',
      'Annex II: Existing Analytical Work and Key Knowledge Gaps',
      'Annex IV: Sector-Focused Diagnostic for Employment Creation',
      'Annex V: A Historical Perspective on the Political Economy of Reforms',
      'Annex VI: The Social Progress Initiative',
    ]);
    const headings = doc.sections.map((s) => s.heading);
    for (const h of [
      'Emerging Challenges',
      'Profile of the Poor and the Bottom 40 Percent',
      'Employment and the Poor',
      'Weak Contestability and Competition',
      'Post-independence Until 1987',
    ])
      expect(headings).toContain(h);
    expect(headings.filter((h) => /^\p{Ll}|\p{Ll}\p{Lu}\p{Lu}/u.test(h))).toEqual([]);
  });

  it('reads Tunisia’s cover page as the cover, in its real case', async () => {
    const doc = await load(TUNISIA);
    const cover = doc.sections[0];
    expect(cover?.heading).toBe('Cover');
    const text = (cover?.blocks ?? []).map((b) =>
      b.type === 'paragraph' || b.type === 'heading' ? inlinePlainText(b.content) : '',
    );
    // Page 1 sets it in small capitals (pdf.js reads "MiDDle eaST anD norTh afriCa").
    expect(text.filter((t) => t === 'Middle East and North Africa')).toHaveLength(2);
    expect(text.join('\n')).not.toMatch(/MiDDle|eaST/);
    // The contents pages are not a section of their own.
    expect(doc.sections.map((s) => s.heading)).not.toContain('Contents');
  });

  it('keeps a heading’s footnote marker out of its title', async () => {
    const headings = (await load(TUNISIA)).sections.map((s) => s.heading);
    // The PDF raises a footnote marker after this heading: "Human Capital¹⁰⁶".
    expect(headings).toContain('Human Capital');
    expect(headings.filter((h) => /\p{L}\d{2,3}$/u.test(h))).toEqual([]);
  });

  it('keeps Chad’s numbered paragraphs whole, their bold lead-in inline', async () => {
    const doc = await load(TCHAD);
    const blocks = doc.sections.flatMap((s) => s.blocks);
    const para = blocks.find(
      (b) => b.type === 'paragraph' && inlinePlainText(b.content).startsWith('32. La pauvreté est'),
    );
    expect(para?.type === 'paragraph' && inlinePlainText(para.content)).toContain(
      'informel. En 2011, selon les estimations, 52% des ménages ruraux',
    );
    expect(
      para?.type === 'paragraph' &&
        para.content.some(
          (i) =>
            i.type === 'text' &&
            i.text.startsWith('La pauvreté') &&
            i.marks?.some((m) => m.type === 'bold'),
        ),
    ).toBe(true);
    const numbered = (h: string): boolean => /^\d{1,3}\. \S/.test(h) && h.length > 60;
    expect(doc.sections.map((s) => s.heading).filter(numbered)).toEqual([]);
    expect(
      blocks
        .flatMap((b) => (b.type === 'heading' ? [inlinePlainText(b.content)] : []))
        .filter(numbered),
    ).toEqual([]);
  });

  it('takes Chad’s chapters and sections from its printed contents', async () => {
    const doc = await load(TCHAD);
    const chapter = doc.sections.find((s) => s.heading === '1. Contexte du pays');
    expect(chapter?.level).toBe(1);
    expect(
      doc.sections
        .filter((s) => s.parentId === chapter?.id)
        .map((s) => s.heading)
        .slice(0, 2),
    ).toEqual(['Population et géographie', 'Gouvernance et fragilité']);
  });
});
