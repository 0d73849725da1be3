import { describe, expect, it } from 'vitest';
import { importBriefFile } from '../../src/main/import/importBriefFile';
import { MAX_PDF_PAGES } from '../../src/shared/importLimits';

const PAGE_TEXTS = [
  'Ministers agreed on a long-term financial pledge for the coming years.',
  'The committee will review the implementation plan before the summit.',
  'Allies discussed industrial capacity and the production of munitions.',
];

/** A valid PDF of `pages` short pages, each saying its number, with a correct xref table. */
function blankPdf(pages: number): Uint8Array {
  const objects: string[] = [];
  const pageIds = Array.from({ length: pages }, (_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Count ${pages} /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  pageIds.forEach((id, index) => {
    const text = `BT /F1 12 Tf 72 720 Td (${PAGE_TEXTS[index % PAGE_TEXTS.length]}) Tj ET`;
    objects[id] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] ` +
      `/Resources << /Font << /F1 3 0 R >> >> /Contents ${id + 1} 0 R >>`;
    objects[id + 1] = `<< /Length ${text.length} >>\nstream\n${text}\nendstream`;
  });
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = body.length;
    body += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xrefAt = body.length;
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) {
    body += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  }
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

describe('PDF page limit', () => {
  it('refuses a 5,000-page PDF before reading its pages, saying the limit', async () => {
    const pagesRead: number[] = [];
    const error = await importBriefFile('long-report.pdf', blankPdf(5_000), {
      onProgress: (progress) => pagesRead.push(progress.done),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'too_large',
      message: `“long-report.pdf” has 5,000 pages; Briefmark imports PDFs of up to ${MAX_PDF_PAGES.toLocaleString('en')} pages.`,
    });
    // Refused from the page count alone: not one page was read.
    expect(pagesRead).toEqual([]);
  });

  it('imports a generated PDF within the limit', async () => {
    const brief = await importBriefFile('short-report.pdf', blankPdf(3));
    const text = JSON.stringify(brief.sections);
    for (const sentence of PAGE_TEXTS) expect(text).toContain(sentence);
  });
});
