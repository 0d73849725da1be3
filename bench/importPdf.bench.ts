// Times the PDF importer against a bare pdf.js getTextContent loop on the largest corpus PDFs.
// Run: npx tsx bench/importPdf.bench.ts [file.pdf ...]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { resourceUsage } from 'node:process';
import { pdfImporter } from '../src/main/import/pdf/pdfImporter';

const corpus = join(import.meta.dirname, '..', '..', 'shared', 'corpus');

async function rawTextLoop(bytes: Uint8Array): Promise<number> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  let items = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    items += (await page.getTextContent()).items.length;
    page.cleanup();
  }
  await doc.destroy();
  return items;
}

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

const args = process.argv.slice(2);
const files = args.length
  ? args
  : readdirSync(corpus)
      .filter((f) => f.endsWith('.pdf') && !f.includes('scanned') && !f.startsWith('oddball'))
      .map((f) => join(corpus, f))
      .sort((a, b) => statSync(b).size - statSync(a).size)
      .slice(0, 3);

const mb = (n: number): string => `${Math.round(n / 1e6)} MB`;
const rows: string[][] = [['file', 'pages', 'raw text', 'import', 'ratio', 'peak RSS']];
for (const file of files) {
  const bytes = new Uint8Array(readFileSync(file));
  const name = file.split('/').pop() ?? file;
  await rawTextLoop(bytes); // warm-up: loads pdf.js and its fake worker once
  peakRss = 0;
  let t = performance.now();
  await rawTextLoop(bytes);
  const raw = performance.now() - t;
  let pages = 0;
  t = performance.now();
  await pdfImporter.import(bytes, name, { onProgress: (p) => (pages = p.total) });
  const full = performance.now() - t;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  rows.push([
    name.slice(0, 48),
    String(pages),
    `${Math.round(raw)} ms`,
    `${Math.round(full)} ms`,
    (full / raw).toFixed(2),
    mb(peakRss),
  ]);
}
clearInterval(sampler);
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const [i, row] of rows.entries()) {
  console.log(
    row.map((c, j) => (j === 0 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!))).join('  '),
  );
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
console.log(`\nmax RSS of the process: ${mb(resourceUsage().maxRSS * 1024)}; target ratio <= 1.5`);
