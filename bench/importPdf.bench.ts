// Times the PDF importer against a bare pdf.js getTextContent loop on the largest corpus PDFs.
// Each file: one warm-up of both, then RUNS alternating rounds; medians of wall and CPU time.
// Run: npx tsx bench/importPdf.bench.ts [--runs N] [file.pdf ...]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cpuUsage, resourceUsage } from 'node:process';
import { pdfImporter } from '../src/main/import/pdf/pdfImporter';

const corpus = join(import.meta.dirname, '..', '..', 'shared', 'corpus');

async function rawTextLoop(bytes: Uint8Array): Promise<void> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    await page.getTextContent();
    page.cleanup();
  }
  await doc.destroy();
}

async function importOnce(bytes: Uint8Array, name: string): Promise<number> {
  let pages = 0;
  await pdfImporter.import(bytes, name, { onProgress: (p) => (pages = p.total) });
  return pages;
}

interface Timing {
  wall: number;
  cpu: number;
}

/** Wall and CPU milliseconds of one call: CPU time is steadier when other processes compete. */
async function timed(run: () => Promise<unknown>): Promise<Timing> {
  const cpu0 = cpuUsage();
  const t0 = performance.now();
  await run();
  const wall = performance.now() - t0;
  const cpu = cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

const argv = process.argv.slice(2);
const runsAt = argv.indexOf('--runs');
const RUNS = runsAt >= 0 ? Math.max(1, Number(argv[runsAt + 1]) || 3) : 3;
const args = runsAt >= 0 ? argv.filter((_, i) => i !== runsAt && i !== runsAt + 1) : argv;
// Largest first, the same order every time.
const files = args.length
  ? args
  : readdirSync(corpus)
      .filter((f) => f.endsWith('.pdf') && !f.includes('scanned') && !f.startsWith('oddball'))
      .map((f) => join(corpus, f))
      .sort((a, b) => statSync(b).size - statSync(a).size || a.localeCompare(b))
      .slice(0, 3);

const ms = (n: number): string => `${Math.round(n)} ms`;
const mb = (n: number): string => `${Math.round(n / 1e6)} MB`;
const rows: string[][] = [
  [
    'file',
    'pages',
    'raw wall',
    'import wall',
    'ratio',
    'raw cpu',
    'import cpu',
    'ratio',
    'peak RSS',
  ],
];
let worst = 0;
for (const file of files) {
  const bytes = new Uint8Array(readFileSync(file));
  const name = file.split('/').pop() ?? file;
  // Warm-up: loads pdf.js and its fake worker and lets the JIT settle on both paths.
  await rawTextLoop(bytes);
  const pages = await importOnce(bytes, name);
  global.gc?.();
  peakRss = 0;
  const raw: Timing[] = [];
  const full: Timing[] = [];
  for (let round = 0; round < RUNS; round++) {
    raw.push(await timed(() => rawTextLoop(bytes)));
    full.push(await timed(() => importOnce(bytes, name)));
  }
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const rawWall = median(raw.map((t) => t.wall));
  const fullWall = median(full.map((t) => t.wall));
  const rawCpu = median(raw.map((t) => t.cpu));
  const fullCpu = median(full.map((t) => t.cpu));
  worst = Math.max(worst, fullWall / rawWall);
  rows.push([
    name.slice(0, 48),
    String(pages),
    ms(rawWall),
    ms(fullWall),
    (fullWall / rawWall).toFixed(2),
    ms(rawCpu),
    ms(fullCpu),
    (fullCpu / rawCpu).toFixed(2),
    mb(peakRss),
  ]);
}
clearInterval(sampler);
const widths = (rows[0] as string[]).map((_, i) =>
  Math.max(...rows.map((r) => (r[i] as string).length)),
);
for (const [i, row] of rows.entries()) {
  console.log(
    row
      .map((c, j) => (j === 0 ? c.padEnd(widths[j] as number) : c.padStart(widths[j] as number)))
      .join('  '),
  );
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
console.log(
  `\nmedian of ${RUNS} alternating runs after a warm-up; worst wall ratio ${worst.toFixed(2)} (target <= 1.5)`,
);
console.log(`max RSS of the process: ${mb(resourceUsage().maxRSS * 1024)}`);
