// Times opening a brief in the reader (click in the library → first section painted) against
// Chromium loading a static HTML rendering of the same brief, in the same run and browser; then
// scrolls through each whole brief (frame times) and reads the renderer's memory.
// Each brief: one warm-up of both, then RUNS alternating rounds; medians.
// Run: npx tsx bench/readerOpen.bench.ts [--runs N] [file ...]
//
// The largest corpus brief is the Tunisia PDF: imported, it is 58 sections, 1,913 top-level blocks
// and about 476,000 characters of text. The next largest, the German coalition agreement
// (Markdown), is 34 sections, 950 blocks and 428,000 characters.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type LaunchOptions, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { createElement, type ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { tsImport } from 'tsx/esm/api';
import playwrightConfig from '../playwright.config';
import { openLibrary } from '../src/main/services/openLibrary';
import type { Brief } from '../src/shared/model';
import {
  finishedProbe,
  installPaintProbe,
  openedAt,
  scrollThrough,
  type ProbeState,
} from './pageProbes';

const root = join(import.meta.dirname, '..');
const corpus = join(root, '..', 'shared', 'corpus');
const rendererDir = join(root, 'out', 'renderer');
const SAMPLE = join(corpus, 'nato-pa-128-spe-24-e-defence-ministers-2024-06.txt');
const LARGEST = join(corpus, 'worldbank-tunisia-systematic-country-diagnostic-2015.pdf');
const TARGET_RATIO = 1.5;
// The e2e tests' window size, so the reading column is as wide as in the app.
const VIEWPORT = { width: 1360, height: 860 };
// A brisk scroll: about half a screen per frame, the speed of dragging the scrollbar.
const SCROLL_STEP_PX = 400;

const argv = process.argv.slice(2);
const runsAt = argv.indexOf('--runs');
const RUNS = runsAt >= 0 ? Math.max(1, Number(argv[runsAt + 1]) || 5) : 5;
const fileArgs = runsAt >= 0 ? argv.filter((_, i) => i !== runsAt && i !== runsAt + 1) : argv;
const files = fileArgs.length ? fileArgs : [SAMPLE, LARGEST];

/** One measured run of either the app or the static page. */
interface Sample {
  /** Open (click, or navigation for the static page) → first section's heading painted. */
  firstPaint: number;
  /** Open → every section in the DOM. */
  complete: number;
  /** Frames over 50 ms from the open until every section is in: input waits that long. */
  openLongFrames: number;
  /** The longest frame in that time (0 when none was over 50 ms). */
  openLongestFrame: number;
  method: string;
  frameP95: number;
  longFrames: number;
  frames: number;
  heapUsed: number;
  nodes: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

function fail(message: string): never {
  throw new Error(message);
}

function ensureRendererBuilt(): void {
  if (existsSync(join(rendererDir, 'index.html'))) return;
  console.log('No built renderer in out/renderer; building it (npx electron-vite build)…');
  const result = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) fail('electron-vite build failed');
}

function importBrief(dbPath: string, file: string): { id: string; title: string } {
  const result = spawnSync(
    process.execPath,
    ['bin/briefmark.mjs', 'import', '--db', dbPath, file, '--json'],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.status !== 0) fail(`import of ${file} failed:\n${result.stderr}`);
  // One file prints one brief, several print a list.
  const printed = JSON.parse(result.stdout) as { id: string; title: string };
  return printed.id ? printed : fail(`import of ${file} printed no brief id`);
}

type BriefDocumentProps = { brief: Brief; progressive?: boolean };

/**
 * The renderer's BriefDocument, compiled with the renderer's TypeScript settings (its JSX);
 * the settings the bench is type-checked with have none.
 */
async function loadBriefDocument(): Promise<ComponentType<BriefDocumentProps>> {
  const module = (await tsImport('../src/renderer/src/features/reader/BriefDocument.tsx', {
    parentURL: import.meta.url,
    tsconfig: join(root, 'tsconfig.web.json'),
  })) as { BriefDocument: ComponentType<BriefDocumentProps> };
  return module.BriefDocument;
}

/** The brief as BriefDocument renders it, in the reader's layout, with the built CSS inlined. */
function staticPage(BriefDocument: ComponentType<BriefDocumentProps>, brief: Brief): string {
  const assets = join(rendererDir, 'assets');
  const css = readdirSync(assets)
    .filter((name) => name.endsWith('.css'))
    .map((name) => readFileSync(join(assets, name), 'utf8'))
    .join('\n');
  // All at once: the server renderer runs no effects, so nothing could be mounted later.
  const doc = renderToStaticMarkup(createElement(BriefDocument, { brief, progressive: false }));
  // Empty outline and notes columns keep the reading column as wide as the app's.
  return `<!doctype html>
<html lang="en" style="--reading-font-size: 18px; --reading-measure: 68ch">
<head><meta charset="utf-8"><title>${brief.id}</title><style>${css}</style></head>
<body><div id="root"><div class="app"><div class="reader"><header class="appbar"></header>
<div class="reader-body"><nav class="outline"></nav><main class="reader-main">${doc}</main><aside></aside></div>
</div></div></div></body></html>`;
}

function startWebMode(dbPath: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['scripts/web.mjs', '--port', '0', '--db', dbPath], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`web mode did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`web mode exited with ${code}:\n${output}`)));
  });
}

async function finishRun(page: Page, openAt: number): Promise<Sample> {
  const probe = await page.waitForFunction(finishedProbe, undefined, {
    timeout: 60_000,
    polling: 50,
  });
  const { paint, complete, method, longFrames } = (await probe.jsonValue()) as ProbeState & {
    paint: number;
    complete: number;
  };
  const opening = longFrames
    .filter(([start, duration]) => start + duration > openAt && start < complete)
    .map(([, duration]) => duration);
  const frames = await page.evaluate(scrollThrough, SCROLL_STEP_PX);
  const sorted = [...frames].sort((a, b) => a - b);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return {
    firstPaint: paint - openAt,
    complete: complete - openAt,
    openLongFrames: opening.length,
    openLongestFrame: Math.max(0, ...opening),
    method,
    frameP95: sorted[Math.floor(sorted.length * 0.95)] ?? NaN,
    longFrames: frames.filter((f) => f > 50).length,
    frames: frames.length,
    heapUsed: metric('JSHeapUsedSize'),
    nodes: metric('Nodes'),
  };
}

/**
 * Each run opens the brief as if for the first time, at its start. The app saves the reading
 * position while scrolling (blocked below) and as the page closes, in a keepalive request that
 * request interception does not catch; so saved positions are deleted before each run.
 */
function forgetReadingPositions(dbPath: string): void {
  const db = new Database(dbPath);
  try {
    const table = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'reading_positions'`)
      .get();
    if (table) db.prepare('DELETE FROM reading_positions').run();
  } finally {
    db.close();
  }
}

/**
 * A page for one run. tsx keeps function names by wrapping them in a `__name` helper, which the
 * probes carry into the page as source text; the page gets a stand-in before any of them runs.
 */
async function newPage(browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript('globalThis.__name = (target) => target;');
  return { page: await context.newPage(), close: () => context.close() };
}

async function runApp(
  browser: Browser,
  app: { url: string; dbPath: string },
  title: string,
  sections: number,
) {
  forgetReadingPositions(app.dbPath);
  const { page, close } = await newPage(browser);
  try {
    await page.route('**/api/reading.savePosition', (route) => route.abort());
    await page.goto(app.url);
    const row = page.locator('.brief-open', { hasText: title }).first();
    const back = page.getByRole('button', { name: 'Library', exact: true });
    // A fresh library opens in the list; should the app open a brief instead, go back first.
    await Promise.race([row.waitFor(), back.waitFor()]);
    if (!(await row.isVisible())) await back.click();
    await row.waitFor();
    await page.evaluate(installPaintProbe, sections);
    await row.click();
    const openAt = await page.waitForFunction(openedAt);
    return await finishRun(page, (await openAt.jsonValue()) as number);
  } finally {
    await close();
  }
}

async function runStatic(browser: Browser, fileUrl: string, sections: number) {
  const { page, close } = await newPage(browser);
  try {
    await page.addInitScript(installPaintProbe, sections);
    await page.goto(fileUrl, { waitUntil: 'commit' });
    // Element Timing and performance.now() count from the navigation's start.
    return await finishRun(page, 0);
  } finally {
    await close();
  }
}

function launchOptions(): LaunchOptions {
  const web = playwrightConfig.projects?.find((project) => project.name === 'web');
  return web?.use?.launchOptions ?? fail('playwright.config.ts has no web project');
}

const ms = (n: number): string => `${Math.round(n)} ms`;
const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;
const count = (n: number): string => Math.round(n).toLocaleString('en');

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows
    .map((row) => row.map((cell, i) => (i ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))))
    .map((row) => row.join('  '))
    .join('\n');
}

async function main(): Promise<boolean> {
  ensureRendererBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'briefmark-bench-'));
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  try {
    const dbPath = join(dir, 'library.sqlite3');
    const briefs = files.map((file) => ({ file, ...importBrief(dbPath, file) }));
    const BriefDocument = await loadBriefDocument();
    const library = openLibrary({ dbPath, sampleBriefPath: SAMPLE });
    const subjects = briefs.map(({ file, id, title }) => {
      const brief = library.getBrief(id);
      const htmlPath = join(dir, `${id}.html`);
      writeFileSync(htmlPath, staticPage(BriefDocument, brief));
      const blocks = brief.sections.reduce((sum, section) => sum + section.blocks.length, 0);
      return {
        file,
        title,
        sections: brief.sections.length,
        blocks,
        fileUrl: pathToFileURL(htmlPath).href,
      };
    });
    library.close();

    const started = await startWebMode(dbPath);
    server = started.child;
    browser = await chromium.launch(launchOptions());
    let allMet = true;
    for (const subject of subjects) {
      const name = subject.file.split('/').pop() ?? subject.file;
      console.log(
        `\n${name}: ${subject.sections} sections, ${subject.blocks} blocks; ` +
          `warm-up + ${RUNS} runs of each…`,
      );
      const app: Sample[] = [];
      const stat: Sample[] = [];
      for (let run = 0; run <= RUNS; run++) {
        const a = await runApp(
          browser,
          { url: started.url, dbPath },
          subject.title,
          subject.sections,
        );
        const s = await runStatic(browser, subject.fileUrl, subject.sections);
        process.stdout.write(run === 0 ? 'warm-up ' : `${run} `);
        if (run > 0) {
          app.push(a);
          stat.push(s);
        }
      }
      process.stdout.write('\n');
      type NumericKey = Exclude<keyof Sample, 'method'>;
      const med = (samples: Sample[], key: NumericKey) => median(samples.map((x) => x[key]));
      const row = (label: string, key: NumericKey, format: (n: number) => string) => {
        const a = med(app, key);
        const s = med(stat, key);
        return [label, format(a), format(s), s > 0 ? `${(a / s).toFixed(2)}x` : '–'];
      };
      const spread = (samples: Sample[]) => {
        const values = samples.map((x) => x.firstPaint);
        return `${ms(Math.min(...values))}–${ms(Math.max(...values))}`;
      };
      const methodsOf = (samples: Sample[]) =>
        [...new Set(samples.map((x) => x.method))].join(' and ');
      const rows = [
        ['median', 'app', 'static HTML', 'app/static'],
        row('open → first section painted', 'firstPaint', ms),
        ['  (fastest–slowest run)', spread(app), spread(stat), ''],
        row('open → all sections in the DOM', 'complete', ms),
        row('open: frames > 50 ms until all in', 'openLongFrames', count),
        row('open: longest frame until all in', 'openLongestFrame', ms),
        row('scroll: frame time p95', 'frameP95', (n) => `${n.toFixed(1)} ms`),
        row('scroll: frames > 50 ms', 'longFrames', count),
        row('scroll: frames', 'frames', count),
        row('JS heap used (after GC)', 'heapUsed', mb),
        row('DOM nodes', 'nodes', count),
      ];
      console.log(table(rows));
      console.log(`Paint measured by ${methodsOf(app)} (app), ${methodsOf(stat)} (static).`);
      const ratio = med(app, 'firstPaint') / med(stat, 'firstPaint');
      const met = ratio <= TARGET_RATIO;
      allMet &&= met;
      console.log(
        `first section painted: ${ratio.toFixed(2)}x the static page ` +
          `(target at most ${TARGET_RATIO}x): ${met ? 'met' : 'NOT met'}`,
      );
    }
    return allMet;
  } finally {
    await browser?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (met) => {
    console.log(met ? 'Target met for every brief.' : 'Target not met for every brief.');
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
