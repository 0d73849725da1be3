import type { Page } from '@playwright/test';
import type { Highlight } from '../../src/shared/highlights';
import { expect, test } from './fixtures/webMode';
import { briefIdTitled, callApi } from './helpers/callApi';
import { importLongBrief, LONG_BRIEF_TITLE } from './helpers/importLongBrief';
import { clickPainted, painted, selectPassage } from './helpers/passages';

const TITLE = /NATO DEFENCE MINISTERS' MEETING, 13-14 JUNE 2024/i;
const SECTION_II = 'II. ALLIED DETERRENCE AND DEFENCE';

/** Opens the sample brief (it opens on first launch) at section II. */
async function openSectionII(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await page
    .getByRole('navigation', { name: /outline/i })
    .getByText(SECTION_II, { exact: true })
    .click();
}

/** Selects a phrase by dragging the mouse over it, as most readers do. */
async function dragOver(page: Page, phrase: string): Promise<void> {
  const ends = await page.evaluate((phrase) => {
    const article = document.querySelector('.reader-main article')!;
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = (node as Text).data.indexOf(phrase);
      if (index < 0) continue;
      const box = (offset: number) => {
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        return range.getBoundingClientRect();
      };
      const first = box(index);
      const last = box(index + phrase.length - 1);
      return {
        from: { x: first.left + 1, y: first.top + first.height / 2 },
        to: { x: last.right - 1, y: last.top + last.height / 2 },
      };
    }
    throw new Error(`“${phrase}” is not in one text node of the brief`);
  }, phrase);
  await page.mouse.move(ends.from.x, ends.from.y);
  await page.mouse.down();
  await page.mouse.move(ends.to.x, ends.to.y, { steps: 8 });
  await page.mouse.up();
}

/** The sample brief's highlights as the library has them, through web mode's own API. */
async function storedHighlights(page: Page): Promise<Highlight[]> {
  const briefs = await callApi<{ id: string }[]>(page, 'briefs.list', {});
  return callApi<Highlight[]>(page, 'highlights.list', { briefId: briefs[0]!.id });
}

const TOOLBAR = { name: 'Highlight the selection' };

test('highlights with the toolbar and the shortcut, comments, and keeps both after reload', async ({
  page,
  app,
}) => {
  await openSectionII(page, app.url);
  const toolbar = page.getByRole('toolbar', TOOLBAR);

  const first = '23 Allies meeting the 2% target';
  await dragOver(page, first);
  await expect(toolbar).toBeVisible();
  // Just above the selection, inside the document pane.
  const toolbarBox = (await toolbar.boundingBox())!;
  const paneBox = (await page.getByRole('main').boundingBox())!;
  expect(toolbarBox.y).toBeGreaterThanOrEqual(paneBox.y);
  expect(toolbarBox.x + toolbarBox.width).toBeLessThanOrEqual(paneBox.x + paneBox.width);
  await toolbar.getByRole('button', { name: 'Evidence' }).click();
  await expect.poll(() => painted(page, 'evidence')).toEqual([first]);
  await expect(toolbar).toBeHidden();

  // The shortcut takes the colour used last: Evidence.
  const second = await selectPassage(page, 'Today we have 500,000 troops at high readiness');
  await expect(toolbar).toBeVisible();
  await page.keyboard.press('h');
  await expect.poll(() => painted(page, 'evidence')).toContain(second);
  expect(await painted(page, 'evidence')).toHaveLength(2);

  await clickPainted(page, second);
  const popover = page.getByRole('dialog', { name: 'Evidence highlight' });
  await expect(popover).toBeVisible();
  await popover.getByRole('textbox', { name: 'Comment' }).fill('Check against the Madrid goal');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(popover.getByTestId('comment-state')).toContainText('Saved');
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await expect(page.getByRole('main')).toBeFocused();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect
    .poll(async () => (await painted(page, 'evidence')).sort())
    .toEqual([first, second].sort());
  await clickPainted(page, second);
  await expect(page.getByRole('textbox', { name: 'Comment' })).toHaveValue(
    'Check against the Madrid goal',
  );
  await page.keyboard.press('Escape');
  await clickPainted(page, first);
  await expect(page.getByRole('textbox', { name: 'Comment' })).toHaveValue('');
});

test('a selection over two list items is one highlight; one over two sections is two, linked', async ({
  page,
  app,
}) => {
  await openSectionII(page, app.url);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const toolbar = page.getByRole('toolbar', TOOLBAR);

  const items = await selectPassage(
    page,
    'the framework for a new Defence Industrial Pledge',
    'increase production rates',
  );
  await toolbar.getByRole('button', { name: 'Question' }).click();
  await expect.poll(() => painted(page, 'question')).toEqual([items]);

  // From the last item of "Implementation of NATO's new defence plans" into the next section.
  await selectPassage(page, "2024's Steadfast Defender included", 'Ministers discussed');
  await toolbar.getByRole('button', { name: 'Disagree' }).click();
  await expect
    .poll(() => painted(page, 'disagree'))
    .toEqual([
      "2024's Steadfast Defender included 90,000 troops across Europe.",
      'Ministers discussed',
    ]);

  const stored = await storedHighlights(page);
  const disagree = stored.filter((highlight) => highlight.role === 'disagree');
  expect(disagree).toHaveLength(2);
  expect(disagree[0]!.groupId).not.toBeNull();
  expect(disagree[1]!.groupId).toBe(disagree[0]!.groupId);
  expect(disagree[0]!.anchor.sectionId).not.toBe(disagree[1]!.anchor.sectionId);
  expect(stored.filter((highlight) => highlight.role === 'question')).toHaveLength(1);

  // One click on either part reaches the whole selection: its text, and its colour.
  await clickPainted(page, 'Ministers discussed');
  const popover = page.getByRole('dialog', { name: 'Disagree highlight' });
  await popover.getByRole('button', { name: 'Copy text' }).click();
  await expect(popover.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    "2024's Steadfast Defender included 90,000 troops across Europe.\n\nMinisters discussed",
  );
  await popover.getByRole('button', { name: 'Action' }).click();
  await expect.poll(() => painted(page, 'action')).toHaveLength(2);
  expect(await painted(page, 'disagree')).toEqual([]);
});

test('deletes a highlight, and Undo or Ctrl+Z brings it back', async ({ page, app }) => {
  await openSectionII(page, app.url);
  const phrase = 'NATO has already doubled the number of battlegroups';
  await selectPassage(page, phrase);
  // The colour used last, here the default: Key point.
  await page.keyboard.press('ControlOrMeta+Shift+H');
  await expect.poll(() => painted(page, 'key-point')).toEqual([phrase]);

  await clickPainted(page, phrase);
  await page
    .getByRole('dialog', { name: 'Key point highlight' })
    .getByRole('button', { name: 'Delete' })
    .click();
  const toast = page.getByRole('status').filter({ hasText: 'Highlight deleted' });
  await expect(toast).toBeVisible();
  await expect.poll(() => painted(page, 'key-point')).toEqual([]);
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => painted(page, 'key-point')).toEqual([phrase]);
  await expect(toast).toBeHidden();

  await clickPainted(page, phrase);
  await page
    .getByRole('dialog', { name: 'Key point highlight' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect.poll(() => painted(page, 'key-point')).toEqual([]);
  // The paint goes at once; Ctrl+Z has something to undo once the delete is saved (the toast).
  await expect(toast).toBeVisible();
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(() => painted(page, 'key-point')).toEqual([phrase]);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect.poll(() => painted(page, 'key-point')).toEqual([phrase]);
});

test('the toolbar is reached with Tab and dismissed with Escape', async ({ page, app }) => {
  await openSectionII(page, app.url);
  await page.getByRole('main').focus();
  const toolbar = page.getByRole('toolbar', TOOLBAR);
  const phrase = 'refined delegated authorities';
  await selectPassage(page, phrase);
  await expect(toolbar).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(toolbar).toBeHidden();
  expect(await page.evaluate(() => document.getSelection()?.toString())).toBe(phrase);

  await selectPassage(page, 'updated command and control');
  await expect(toolbar).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(toolbar.getByRole('button', { name: 'Key point' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(toolbar.getByRole('button', { name: 'Question' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => painted(page, 'question')).toEqual(['updated command and control']);
  await expect(page.getByRole('main')).toBeFocused();

  // "Comment" uses that colour and opens the new highlight's comment.
  await selectPassage(page, 'ready for any contingency');
  await toolbar.getByRole('button', { name: 'Comment' }).click();
  const comment = page
    .getByRole('dialog', { name: 'Question highlight' })
    .getByRole('textbox', { name: 'Comment' });
  await expect(comment).toBeFocused();
  await page.keyboard.type('Which forces?');
  await page.keyboard.press('Escape');
  await expect
    .poll(async () => (await storedHighlights(page)).map((h) => h.comment).sort())
    .toEqual(['', 'Which forces?']);
});

test('hundreds of highlights in a long brief are all painted, also in sections mounted late', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  await importLongBrief(page, app.url);
  const article = page.locator('article.doc');
  await expect(article).toHaveAttribute('data-complete', 'true', { timeout: 30_000 });

  // 300 highlights spread over the whole brief, six characters inside a run of text each.
  const chosen = await page.evaluate(() => {
    const runs = [...document.querySelectorAll('article.doc [data-section-id] [data-o]')].filter(
      (run) => (run.textContent ?? '').length >= 12,
    );
    const step = Math.floor(runs.length / 300);
    return runs
      .filter((_, index) => index % step === 0)
      .slice(0, 300)
      .map((run) => ({
        sectionId: run.closest<HTMLElement>('[data-section-id]')!.dataset.sectionId!,
        start: Number(run.getAttribute('data-o')) + 2,
        quote: (run.textContent ?? '').slice(2, 8),
      }));
  });
  const briefId = await briefIdTitled(page, 'FORTSCHRITT');
  const roles = ['key-point', 'evidence', 'question', 'disagree', 'action'];
  await Promise.all(
    chosen.map(({ sectionId, start }, index) =>
      callApi(page, 'highlights.create', {
        briefId,
        ranges: [{ sectionId, start, end: start + 6 }],
        role: roles[index % roles.length],
      }),
    ),
  );
  const quotes = chosen.map(({ quote }) => quote);
  expect(quotes).toHaveLength(300);

  // Reopened on a slow machine: the list arrives long before the last sections are mounted.
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  await page.getByRole('button', { name: LONG_BRIEF_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: LONG_BRIEF_TITLE })).toBeVisible();
  await expect(article).not.toHaveAttribute('data-complete', 'true');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await expect(article).toHaveAttribute('data-complete', 'true', { timeout: 30_000 });

  const allPainted = async () =>
    (
      await Promise.all(
        (['key-point', 'evidence', 'question', 'disagree', 'action'] as const).map((role) =>
          painted(page, role),
        ),
      )
    )
      .flat()
      .sort();
  await expect.poll(allPainted).toEqual([...quotes].sort());
});
