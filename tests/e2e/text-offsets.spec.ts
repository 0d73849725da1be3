import { join } from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import type { domRangeFor } from '../../src/renderer/src/features/reader/domRangeFor';
import type { sectionOffsetAt } from '../../src/renderer/src/features/reader/sectionOffsetAt';
import type {
  SectionRange,
  selectionToSectionRanges,
} from '../../src/renderer/src/features/reader/selectionToSectionRanges';
import { expect, test } from './fixtures/webMode';
import { bundleForPage } from './helpers/bundleForPage';

// The reader's own offset code, run in the page against the rendered brief.
interface TextOffsets {
  sectionOffsetAt: typeof sectionOffsetAt;
  selectionToSectionRanges: typeof selectionToSectionRanges;
  domRangeFor: typeof domRangeFor;
}
declare global {
  interface Window {
    __textOffsets: TextOffsets;
  }
}

const corpus = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
const LONG_PDF = 'worldbank-tunisia-systematic-country-diagnostic-2015.pdf';
// A GAO report as Markdown: hundreds of line breaks, 51 code blocks and 7 tables.
const MARKDOWN = 'gao-07-791-reexamining-regulations-retrospective-reviews.md';
const SECTION_II = 'II. ALLIED DETERRENCE AND DEFENCE';
const TITLE = /NATO DEFENCE MINISTERS' MEETING, 13-14 JUNE 2024/i;

let bundle: Promise<string> | null = null;

/** Opens the page's copy of the reader's offset functions as `window.__textOffsets`. */
async function loadTextOffsets(page: Page): Promise<void> {
  bundle ??= bundleForPage('__textOffsets', {
    'features/reader/sectionOffsetAt.ts': ['sectionOffsetAt'],
    'features/reader/selectionToSectionRanges.ts': ['selectionToSectionRanges'],
    'features/reader/domRangeFor.ts': ['domRangeFor'],
  });
  await page.evaluate(await bundle);
}

/** Each section's text as the library stored it: the text highlights are anchored in. */
function storedSectionTexts(dbPath: string, sourceName: string): Map<string, string> {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        `SELECT b.section_id AS id, b.plain_text AS text FROM section_bodies b
         JOIN briefs r ON r.id = b.brief_id WHERE r.source_name = ?`,
      )
      .all(sourceName) as { id: string; text: string }[];
    return new Map(rows.map((row) => [row.id, row.text]));
  } finally {
    db.close();
  }
}

async function openSampleBrief(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.locator('article.doc')).toHaveAttribute('data-complete', 'true');
  await loadTextOffsets(page);
}

/**
 * The key property: every rendered run's text is the stored section text at the run's offset,
 * runs come in text order, and every character they leave out is a separator (whitespace).
 */
async function expectRunsAtTheirOffsets(page: Page, texts: Map<string, string>): Promise<number> {
  const rendered = await page.locator('article.doc').evaluate((article) =>
    [...article.querySelectorAll('section[data-section-id]')].map((section) => ({
      id: section.getAttribute('data-section-id')!,
      runs: [...section.querySelectorAll('[data-o]')].map(
        (run) => [Number(run.getAttribute('data-o')), run.textContent] as const,
      ),
    })),
  );
  expect(rendered.map((section) => section.id).sort()).toEqual([...texts.keys()].sort());
  // Collected, then compared once: an expect per run is slow over thousands of runs.
  const misplaced: { id: string; offset: number; run: string; text: string }[] = [];
  const unaddressable: { id: string; left: string }[] = [];
  let count = 0;
  for (const { id, runs } of rendered) {
    const text = texts.get(id)!;
    const covered = new Array<boolean>(text.length).fill(false);
    let previousEnd = 0;
    for (const [offset, run] of runs) {
      const atOffset = text.slice(offset, offset + run.length);
      if (atOffset !== run || offset < previousEnd)
        misplaced.push({ id, offset, run, text: atOffset });
      previousEnd = offset + run.length;
      covered.fill(true, offset, previousEnd);
      count += 1;
    }
    const left = [...text].filter((_, index) => !covered[index]).join('');
    if (/\S/.test(left)) unaddressable.push({ id, left });
  }
  expect(misplaced).toEqual([]);
  expect(unaddressable).toEqual([]);
  return count;
}

/** Every word of each section, painted with domRangeFor, reads back as the same offsets. */
async function expectWordsToRoundTrip(
  page: Page,
  texts: Map<string, string>,
  maxPerSection: number,
): Promise<number> {
  // Separators are not in the DOM, and a footnote's back link is not in the text.
  const comparable = (value: string) => value.replace(/[\s↩]+/g, '');
  const words = [...texts].flatMap(([id, text]) => {
    const found = [...text.matchAll(/\S+/g)].slice(0, maxPerSection);
    // Each word alone, and with the two after it: across runs, blocks and separators.
    return found.flatMap((match, index) => {
      const start = match.index;
      const third = found[Math.min(index + 2, found.length - 1)]!;
      const end = third.index + third[0].length;
      return [
        { id, start, end: start + match[0].length, text: comparable(match[0]) },
        { id, start, end, text: comparable(text.slice(start, end)) },
      ];
    });
  });
  const mismatches = await page.evaluate((all) => {
    const { domRangeFor, selectionToSectionRanges } = window.__textOffsets;
    return all.flatMap((word) => {
      const section = document.querySelector(`section[data-section-id="${CSS.escape(word.id)}"]`)!;
      const range = domRangeFor(section, word.start, word.end);
      const back = range ? selectionToSectionRanges(range) : [];
      const same =
        range?.toString().replace(/[\s↩]+/g, '') === word.text &&
        back.length === 1 &&
        back[0]!.sectionId === word.id &&
        back[0]!.start === word.start &&
        back[0]!.end === word.end;
      return same ? [] : [{ word, back }];
    });
  }, words);
  expect(mismatches).toEqual([]);
  return words.length;
}

test('every text run of the sample brief sits at its offset in the stored section text', async ({
  page,
  app,
}) => {
  await openSampleBrief(page, app.url);
  const texts = storedSectionTexts(app.dbPath, 'sample-brief.txt');
  expect(texts.size).toBeGreaterThan(10);
  expect(await expectRunsAtTheirOffsets(page, texts)).toBeGreaterThan(100);
  expect(await expectWordsToRoundTrip(page, texts, Infinity)).toBeGreaterThan(2_000);

  // The runs read for a section are read again once its blocks change (as when more mount),
  // even in the same task as the change.
  const painted = await page.evaluate(() => {
    const { domRangeFor } = window.__textOffsets;
    const section = document.querySelector('section[data-section-id="decisions"]')!;
    const blocks = section.querySelectorAll(':scope > [data-block]');
    const last = blocks[blocks.length - 1]!;
    const start = Number(last.querySelector('[data-o]')!.getAttribute('data-o'));
    const paint = () => domRangeFor(section, start, start + 12)?.toString() ?? null;
    const before = paint();
    const next = last.nextSibling;
    last.remove();
    const removed = paint();
    section.insertBefore(last, next);
    return { start, before, removed, after: paint() };
  });
  const expected = texts.get('decisions')!.slice(painted.start, painted.start + 12);
  expect(expected).toMatch(/^\S{3}/);
  expect(painted).toEqual({
    start: painted.start,
    before: expected,
    removed: null,
    after: expected,
  });
});

test('a phrase selected with the mouse in section II maps to the same words in its text', async ({
  page,
  app,
}) => {
  await openSampleBrief(page, app.url);
  const texts = storedSectionTexts(app.dbPath, 'sample-brief.txt');
  const section = page.locator('section', {
    has: page.getByRole('heading', { name: SECTION_II, exact: true }),
  });
  const sectionId = (await section.getAttribute('data-section-id'))!;

  // From "latest" in the link to "target" in the bold sentence: plain, link and bold runs.
  const points = await section.evaluate((element) => {
    const pointOf = (word: string, edge: 'start' | 'end') => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (
        let node = walker.nextNode() as Text | null;
        node;
        node = walker.nextNode() as Text | null
      ) {
        const index = node.data.indexOf(word);
        if (index < 0) continue;
        const range = document.createRange();
        const at = edge === 'start' ? index : index + word.length - 1;
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        const rect = range.getBoundingClientRect();
        return {
          x: edge === 'start' ? rect.left + 1 : rect.right - 1,
          y: rect.top + rect.height / 2,
        };
      }
      throw new Error(`No “${word}” in section II`);
    };
    return { from: pointOf('latest', 'start'), to: pointOf('target', 'end') };
  });
  await page.mouse.move(points.from.x, points.from.y);
  await page.mouse.down();
  await page.mouse.move(points.to.x, points.to.y, { steps: 8 });
  await page.mouse.up();

  const { selected, ranges } = await page.evaluate(() => {
    const selection = window.getSelection()!;
    return {
      selected: selection.toString(),
      ranges: window.__textOffsets.selectionToSectionRanges(selection.getRangeAt(0)),
    };
  });
  expect(selected).toMatch(/^latest figures .* 2% target$/);
  expect(ranges).toHaveLength(1);
  const [range] = ranges as [SectionRange];
  expect(range.sectionId).toBe(sectionId);
  expect(texts.get(sectionId)!.slice(range.start, range.end)).toBe(selected);
  expect(texts.get(sectionId)!.slice(range.start, range.end)).toBe(
    'latest figures for Allied defence expenditures. These show 23 Allies meeting the 2% target',
  );
});

test('a selection across sections yields one range per section, headings left out', async ({
  page,
  app,
}) => {
  await openSampleBrief(page, app.url);
  const texts = storedSectionTexts(app.dbPath, 'sample-brief.txt');
  // From "in 2024, up from three" in section II, over the next heading, to "further steps".
  const result = await page.evaluate((heading) => {
    const { selectionToSectionRanges, sectionOffsetAt } = window.__textOffsets;
    const sections = [...document.querySelectorAll('section[data-section-id]')];
    const index = sections.findIndex(
      (section) => section.querySelector('.section-heading')?.textContent === heading,
    );
    const [second, third] = [sections[index]!, sections[index + 1]!];
    const textPoint = (section: Element, word: string, after: boolean): [Node, number] => {
      const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
      for (
        let node = walker.nextNode() as Text | null;
        node;
        node = walker.nextNode() as Text | null
      ) {
        const at = node.data.indexOf(word);
        if (at >= 0) return [node, after ? at + word.length : at];
      }
      throw new Error(`No “${word}”`);
    };
    const selection = window.getSelection()!;
    const range = document.createRange();
    range.setStart(...textPoint(second, 'in 2024', false));
    range.setEnd(...textPoint(third, 'further steps', true));
    selection.removeAllRanges();
    selection.addRange(range);

    // A selection that starts on a section's heading starts at the beginning of its text.
    const fromHeading = document.createRange();
    fromHeading.setStart(third.querySelector('.section-heading')!.firstChild!, 3);
    fromHeading.setEnd(...textPoint(third, 'discussed', true));
    // One that only covers a heading has no text in it.
    const onlyHeading = document.createRange();
    onlyHeading.selectNodeContents(third.querySelector('.section-heading')!);

    return {
      ids: [second.getAttribute('data-section-id')!, third.getAttribute('data-section-id')!],
      across: selectionToSectionRanges(selection.getRangeAt(0)),
      fromHeading: selectionToSectionRanges(fromHeading),
      onlyHeading: selectionToSectionRanges(onlyHeading),
      headingPoint: sectionOffsetAt(third.querySelector('.section-heading')!.firstChild!, 5),
      titlePoint: sectionOffsetAt(document.querySelector('.doc-title')!.firstChild!, 2),
    };
  }, SECTION_II);
  const [secondId, thirdId] = result.ids as [string, string];
  const secondText = texts.get(secondId)!;
  const thirdText = texts.get(thirdId)!;
  expect(result.across).toHaveLength(2);
  expect(result.across[0]).toEqual({
    sectionId: secondId,
    start: secondText.indexOf('in 2024, up from three'),
    // The rest of section II, without the closing bracket's trailing whitespace.
    end: secondText.trimEnd().length,
  });
  expect(result.across[1]).toEqual({
    sectionId: thirdId,
    start: 0,
    end: thirdText.indexOf('further steps') + 'further steps'.length,
  });
  expect(thirdText.slice(0, result.fromHeading[0]!.end)).toBe('Defence ministers discussed');
  expect(result.fromHeading).toEqual([{ sectionId: thirdId, start: 0, end: 27 }]);
  expect(result.onlyHeading).toEqual([]);
  expect(result.headingPoint).toEqual({ sectionId: thirdId, offset: 0 });
  // Positions in the title block, before every section, go to the start of the first one.
  const firstId = await page
    .locator('section[data-section-id]')
    .first()
    .getAttribute('data-section-id');
  expect(result.titlePoint).toEqual({ sectionId: firstId, offset: 0 });
});

/** Imports a corpus file from the library, waits until it is all mounted, and loads the functions. */
async function importAndOpen(page: Page, url: string, file: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.locator('input[type=file]').setInputFiles(join(corpus, file));
  await expect(page.locator('article.doc h1')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('article.doc')).toHaveAttribute('data-complete', 'true', {
    timeout: 60_000,
  });
  await loadTextOffsets(page);
}

test('every text run of a 172-page PDF sits at its offset, and ranges read back', async ({
  page,
  app,
}) => {
  // Importing 172 pages takes a while on a slow machine.
  test.setTimeout(180_000);
  await importAndOpen(page, app.url, LONG_PDF);
  const texts = storedSectionTexts(app.dbPath, LONG_PDF);
  expect(texts.size).toBeGreaterThan(20);
  // Among them: 194 tables, footnotes and references to them.
  expect(await expectRunsAtTheirOffsets(page, texts)).toBeGreaterThan(2_000);
  expect(await expectWordsToRoundTrip(page, texts, 200)).toBeGreaterThan(2_000);
});

test('code blocks, line breaks and tables of a Markdown brief sit at their offsets too', async ({
  page,
  app,
}) => {
  await importAndOpen(page, app.url, MARKDOWN);
  const texts = storedSectionTexts(app.dbPath, MARKDOWN);
  await expect(page.locator('article.doc pre code[data-o]')).not.toHaveCount(0);
  await expect(page.locator('article.doc td [data-o]')).not.toHaveCount(0);
  expect(await expectRunsAtTheirOffsets(page, texts)).toBeGreaterThan(1_000);
  expect(await expectWordsToRoundTrip(page, texts, 300)).toBeGreaterThan(2_000);
});
