// Times the export of a heavily annotated brief and the way back: the largest corpus brief (the
// Tunisia PDF) with 500 highlights (a comment on every fifth) and a formatted note on 30
// sections. Baselines measured in the same run: the Markdown export alone for the sidecar, and
// making the same highlights one by one, as the reader does, for the restore.
// Run: npx tsx bench/exportRoundTrip.bench.ts [file]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { openLibrary } from '../src/main/services/openLibrary';
import { sectionPlainText } from '../src/shared/anchoring/sectionText';
import { DEFAULT_EXPORT_OPTIONS } from '../src/shared/exportOptions';
import { HIGHLIGHT_ROLES, type SectionRange } from '../src/shared/highlights';
import type { NoteDoc } from '../src/shared/model';

const corpus = join(import.meta.dirname, '..', '..', 'shared', 'corpus');
const file =
  process.argv[2] ?? join(corpus, 'worldbank-tunisia-systematic-country-diagnostic-2015.pdf');
const HIGHLIGHTS = 500;
const NOTES = 30;
const RUNS = 5;
const sampleBriefPath = join(import.meta.dirname, '..', 'resources', 'sample-brief.txt');

let seed = 12345;
function random(): number {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

function timed<T>(work: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = work();
  return { ms: performance.now() - t0, value };
}

const note = (title: string): NoteDoc => ({
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: title }] },
    {
      type: 'bulletList',
      content: ['ask for the data', 'compare with 2014'].map((item) => ({
        type: 'listItem',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: item }] }],
      })),
    },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'See ' },
        {
          type: 'text',
          text: 'the source',
          marks: [{ type: 'link', attrs: { href: 'https://www.worldbank.org/' } }],
        },
      ],
    },
  ],
});

const folder = mkdtempSync(join(tmpdir(), 'briefmark-bench-export-'));
try {
  const bytes = readFileSync(file);
  const source = openLibrary({ dbPath: join(folder, 'a.sqlite3'), sampleBriefPath });
  const { id: briefId } = await source.importFile(basename(file), bytes);
  const brief = source.getBrief(briefId);
  const long = brief.sections
    .map((section) => ({ id: section.id, text: sectionPlainText(section) }))
    .filter((section) => section.text.length > 400);
  const ranges: SectionRange[] = [];
  while (ranges.length < HIGHLIGHTS) {
    const { id, text } = long[Math.floor(random() * long.length)]!;
    const start = text.indexOf(' ', Math.floor(random() * (text.length - 300))) + 1;
    const end = Math.max(start + 20, text.lastIndexOf(' ', start + 20 + random() * 230));
    if (!ranges.some((r) => r.sectionId === id && r.start < end && start < r.end)) {
      ranges.push({ sectionId: id, start, end });
    }
  }

  // Baseline for the restore: the same highlights made one by one, as the reader makes them.
  const created = timed(() =>
    ranges.forEach((range, index) =>
      source.highlights.create(
        briefId,
        [range],
        HIGHLIGHT_ROLES[index % HIGHLIGHT_ROLES.length]!,
        index % 5 === 0 ? `Comment ${index}: check the figure against the annex.` : '',
      ),
    ),
  );
  for (const section of brief.sections.slice(0, NOTES)) {
    source.saveNote(briefId, section.id, note(`On ${section.heading.slice(0, 40)}`));
  }

  const withSidecar = { ...DEFAULT_EXPORT_OPTIONS, sidecar: true };
  const markdownTimes: number[] = [];
  const filesTimes: number[] = [];
  let files = source.exportFilesWith([briefId], withSidecar).files;
  for (let run = 0; run < RUNS; run += 1) {
    markdownTimes.push(timed(() => source.exportMarkdownWith(briefId, DEFAULT_EXPORT_OPTIONS)).ms);
    const exported = timed(() => source.exportFilesWith([briefId], withSidecar));
    filesTimes.push(exported.ms);
    files = exported.value.files;
  }
  source.close();
  const markdown = files.find((f) => f.mediaType === 'text/markdown')!;
  const sidecar = files.find((f) => f.mediaType === 'application/ld+json')!;

  const restoreTimes: number[] = [];
  let restored = '';
  for (let run = 0; run < RUNS; run += 1) {
    const target = openLibrary({ dbPath: join(folder, `b${run}.sqlite3`), sampleBriefPath });
    await target.importFile(basename(file), bytes);
    const { ms, value } = timed(() =>
      target.restoreAnnotations(sidecar.fileName, Buffer.from(sidecar.text)),
    );
    restoreTimes.push(ms);
    restored = `${value.highlightsRestored} highlights (${value.highlightsNotFound} not found), ${value.notesRestored} notes`;
    target.close();
  }

  const kb = (text: string) => `${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`;
  const base = median(markdownTimes);
  console.log(
    `${basename(file)}: ${brief.sections.length} sections; ${HIGHLIGHTS} highlights, ${NOTES} notes; median of ${RUNS} runs`,
  );
  console.log(
    `Markdown export (baseline)   ${base.toFixed(0).padStart(6)} ms  ${kb(markdown.text)}`,
  );
  console.log(
    `Markdown + sidecar files     ${median(filesTimes).toFixed(0).padStart(6)} ms  ${kb(sidecar.text)} sidecar  ×${(median(filesTimes) / base).toFixed(2)} baseline`,
  );
  console.log(`Highlights made one by one   ${created.ms.toFixed(0).padStart(6)} ms  (baseline)`);
  console.log(
    `Restore from the sidecar     ${median(restoreTimes).toFixed(0).padStart(6)} ms  ×${(median(restoreTimes) / created.ms).toFixed(2)} baseline; ${restored}`,
  );
} finally {
  rmSync(folder, { recursive: true, force: true });
}
