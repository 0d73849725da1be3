import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/webMode';
import { openSectionNote } from './helpers/openSectionNote';

const TITLE = /NATO DEFENCE MINISTERS' MEETING, 13-14 JUNE 2024/i;

interface Box {
  top: number;
  bottom: number;
  height: number;
}

interface PaintedRange {
  startContainer: unknown;
  startOffset: number;
  endContainer: unknown;
  endOffset: number;
}

/** What page.evaluate bodies use of the page's globals (this config has no DOM types). */
interface PageGlobals {
  CSS: { highlights: { get(name: string): Set<PaintedRange> | undefined } };
  document: {
    createRange(): PaintedRange & {
      setStart(node: unknown, offset: number): void;
      setEnd(node: unknown, offset: number): void;
      getBoundingClientRect(): Box;
      toString(): string;
    };
    createElement(tag: string): { textContent: string };
    querySelector(selector: string): { getBoundingClientRect(): Box; append(node: unknown): void };
  };
}

/** The current match as painted: its text, and whether it lies inside the document's view. */
function currentMatch(page: Page) {
  return page.evaluate(() => {
    const { CSS, document } = globalThis as unknown as PageGlobals;
    const [span] = [...(CSS.highlights.get('find-current') ?? [])];
    if (!span) return null;
    const range = document.createRange();
    range.setStart(span.startContainer, span.startOffset);
    range.setEnd(span.endContainer, span.endOffset);
    const rect = range.getBoundingClientRect();
    const view = document.querySelector('.reader-main').getBoundingClientRect();
    return {
      text: range.toString(),
      inView: rect.top >= view.top && rect.bottom <= view.bottom && rect.height > 0,
    };
  });
}

function paintedCount(page: Page) {
  return page.evaluate(() => {
    const { CSS } = globalThis as unknown as PageGlobals;
    return (
      (CSS.highlights.get('find-match')?.size ?? 0) +
      (CSS.highlights.get('find-current')?.size ?? 0)
    );
  });
}

test('finds every Russia’s in the sample brief and moves between them', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await page.getByRole('main').focus();

  await page.keyboard.press('ControlOrMeta+f');
  const find = page.getByRole('search', { name: 'Find in brief' });
  const input = find.getByRole('textbox', { name: 'Find in brief' });
  const count = find.getByRole('status');
  await expect(input).toBeFocused();

  // Seven times with a straight apostrophe (once in capitals, in heading III), once with ’.
  await page.keyboard.type("russia's");
  await expect(count).toHaveText('1 of 8');
  expect(await paintedCount(page)).toBe(8);
  expect(await currentMatch(page)).toEqual({ text: "Russia's", inView: true });

  await page.keyboard.press('Enter');
  await expect(count).toHaveText('2 of 8');
  expect(await currentMatch(page)).toEqual({ text: "Russia's", inView: true });

  await page.keyboard.press('Shift+Enter');
  await page.keyboard.press('Shift+Enter');
  await expect(count).toHaveText('8 of 8');
  expect(await currentMatch(page)).toEqual({ text: 'Russia’s', inView: true });

  await page.keyboard.press('Enter');
  await expect(count).toHaveText('1 of 8');

  await find.getByRole('button', { name: 'Previous match' }).click();
  await expect(count).toHaveText('8 of 8');

  await input.press('Escape');
  await expect(find).toBeHidden();
  expect(await paintedCount(page)).toBe(0);
  await expect(page.getByRole('main')).toBeFocused();

  await page.keyboard.press('ControlOrMeta+f');
  await expect(input).toBeFocused();
  await expect(input).toHaveValue("russia's");
  // The previous query comes back selected, so typing replaces it.
  const selection = await input.evaluate((field) => {
    const { selectionStart, selectionEnd } = field as unknown as Record<string, number>;
    return [selectionStart, selectionEnd];
  });
  expect(selection).toEqual([0, 8]);
  await expect(count).toHaveText(/ of 8$/);
});

test('starts from the part of the brief being read, and says when nothing matches', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await page
    .getByRole('navigation', { name: /outline/i })
    .getByText("III. RESPONSE TO RUSSIA'S HOSTILE ACTIONS TOWARD ALLIES", { exact: true })
    .click();
  await page.keyboard.press('ControlOrMeta+f');
  await page.keyboard.type("Russia's");
  const count = page.getByRole('search').getByRole('status');
  // Four matches come before section III; its own heading is the fifth.
  await expect(count).toHaveText('5 of 8');
  expect(await currentMatch(page)).toEqual({ text: "RUSSIA'S", inView: true });

  await page.keyboard.type('s trains');
  await expect(count).toHaveText('No matches');
  expect(await paintedCount(page)).toBe(0);
  await expect(page.getByRole('button', { name: 'Next match' })).toBeDisabled();
});

test('opens from the note editor too, without typing into the note', async ({ page, app }) => {
  await page.goto(app.url);
  const editor = await openSectionNote(page, 'Decisions');
  await page.keyboard.type('Check the pledge');
  await page.keyboard.press('ControlOrMeta+f');
  await expect(page.getByRole('textbox', { name: 'Find in brief' })).toBeFocused();
  await expect(editor).toHaveText('Check the pledge');
  await page.keyboard.type('pledge');
  // Eleven in the brief; the first is in "Focus of the Meetings", above the Decisions being read.
  await expect(page.getByRole('search').getByRole('status')).toHaveText('2 of 11');
});

test('counts text that reaches the document after the search started', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+f');
  await page.keyboard.type("Russia's");
  const count = page.getByRole('search').getByRole('status');
  await expect(count).toHaveText('1 of 8');
  // As a section rendered after opening would: new blocks appear under the document.
  await page.evaluate(() => {
    const { document } = globalThis as unknown as PageGlobals;
    const paragraph = document.createElement('p');
    paragraph.textContent = 'A later paragraph on Russia’s pledge.';
    document.querySelector('.reader-main .doc').append(paragraph);
  });
  await expect(count).toHaveText('1 of 9');
  await page.keyboard.press('Shift+Enter');
  await expect(count).toHaveText('9 of 9');
  expect(await currentMatch(page)).toEqual({ text: 'Russia’s', inView: true });
});
