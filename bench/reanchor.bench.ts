// Times re-anchoring 500 highlights in the largest corpus brief (the Tunisia PDF: 58 sections,
// about 480,000 characters), in the cases a re-import or a new edition brings: text unchanged,
// text inserted before every passage, a word changed inside every passage, every passage
// deleted (the slowest case: each one is searched for approximately in the whole brief), and
// every section renamed. Passages are 20 to 250 characters picked with a fixed seed.
// Wall and CPU time are both shown: on a busy machine the CPU time is the steadier figure.
// Run: npx tsx bench/reanchor.bench.ts [file]
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { importBriefFile } from '../src/main/import/importBriefFile';
import { sectionPlainText } from '../src/main/import/sectionPlainText';
import type { TextAnchor } from '../src/shared/highlights';
import type { SectionText } from '../src/shared/anchoring/BriefText';
import { createTextAnchor } from '../src/shared/anchoring/createTextAnchor';
import { reanchorAll } from '../src/shared/anchoring/reanchor';

const corpus = join(import.meta.dirname, '..', '..', 'shared', 'corpus');
const file =
  process.argv[2] ?? join(corpus, 'worldbank-tunisia-systematic-country-diagnostic-2015.pdf');
const HIGHLIGHTS = 500;
const RUNS = 5;

let seed = 12345;
function random(): number {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
}

const brief = await importBriefFile(basename(file), readFileSync(file));
const sections: SectionText[] = brief.sections.map((s) => ({
  id: s.id,
  text: sectionPlainText(s),
}));
const total = sections.reduce((sum, s) => sum + s.text.length, 0);

const anchors: TextAnchor[] = [];
const long = sections.filter((s) => s.text.length > 400);
while (anchors.length < HIGHLIGHTS) {
  const section = long[Math.floor(random() * long.length)]!;
  const text = section.text;
  let start = Math.floor(random() * (text.length - 300));
  start = text.indexOf(' ', start) + 1;
  let end = Math.min(text.length, start + 20 + Math.floor(random() * 230));
  end = Math.max(start + 20, text.lastIndexOf(' ', end));
  anchors.push(createTextAnchor(section.id, text, start, end));
}

function editSections(edit: (text: string, section: SectionText) => string): SectionText[] {
  return sections.map((section) => ({ id: section.id, text: edit(section.text, section) }));
}

function anchorsBySection(id: string): TextAnchor[] {
  return anchors.filter((a) => a.sectionId === id).sort((a, b) => b.start - a.start);
}

const inserted = editSections(
  (text) => `An inserted opening paragraph. `.repeat(6) + '\n\n' + text,
);
const edited = editSections((text, section) => {
  let out = text;
  for (const a of anchorsBySection(section.id)) {
    const middle = a.start + Math.floor((a.end - a.start) / 2);
    const at = out.indexOf(' ', middle);
    if (at > 0 && at < a.end) out = out.slice(0, at) + ' newly' + out.slice(at);
  }
  return out;
});
const deleted = editSections((text, section) => {
  let out = text;
  for (const a of anchorsBySection(section.id)) {
    if (out.slice(a.start, a.end) === a.exact) out = out.slice(0, a.start) + out.slice(a.end);
  }
  return out;
});
const renamed = inserted.map((s) => ({ id: `${s.id}-2nd-edition`, text: s.text }));

const cases: [string, SectionText[]][] = [
  ['unchanged', sections],
  ['text inserted before', inserted],
  ['word added inside', edited],
  ['passages deleted', deleted],
  ['sections renamed', renamed],
];

console.log(
  `${basename(file)}: ${sections.length} sections, ${total} characters; ${HIGHLIGHTS} highlights, median of ${RUNS} runs`,
);
for (const [name, text] of cases) {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let counts = '';
  for (let run = 0; run < RUNS; run += 1) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const results = reanchorAll(anchors, text);
    times.push(performance.now() - t0);
    cpuTimes.push(process.cpuUsage(cpu0).user / 1000);
    const tally = new Map<string, number>();
    for (const r of results) tally.set(r.status, (tally.get(r.status) ?? 0) + 1);
    counts = [...tally].map(([status, n]) => `${status} ${n}`).join(', ');
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  console.log(
    `${name.padEnd(22)} ${median(times).toFixed(0).padStart(6)} ms wall ${median(cpuTimes).toFixed(0).padStart(6)} ms CPU  (${counts})`,
  );
}
