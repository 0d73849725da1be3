import type { Locator, Page } from '@playwright/test';
import type { HighlightRole } from '../../src/shared/highlights';
import { expect, test } from './fixtures/webMode';
import { briefIdTitled, callApi } from './helpers/callApi';
import { importLongBrief, LONG_BRIEF_TITLE } from './helpers/importLongBrief';
import { painted, passageInView, selectPassage } from './helpers/passages';

const TITLE = /NATO DEFENCE MINISTERS' MEETING, 13-14 JUNE 2024/i;
const PART_I = 'I. PREDICTABLE AND COORDINATED SUPPORT FOR UKRAINE';
const PART_II = 'II. ALLIED DETERRENCE AND DEFENCE';
const PART_III = "III. RESPONSE TO RUSSIA'S HOSTILE ACTIONS TOWARD ALLIES";
const PLANS = "Implementation of NATO's new defence plans";
const PLEDGE = 'Towards a new Defence Industrial Pledge';
const FINANCE = 'Long-term financial commitment';

/** Highlights a passage with the selection toolbar, in the colour named `label`. */
async function highlight(
  page: Page,
  role: HighlightRole,
  label: string,
  from: string,
  to?: string,
) {
  const before = (await painted(page, role)).length;
  await selectPassage(page, from, to);
  await page
    .getByRole('toolbar', { name: 'Highlight the selection' })
    .getByRole('button', { name: label })
    .click();
  await expect.poll(async () => (await painted(page, role)).length).toBeGreaterThan(before);
}

async function openSample(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
}

/** Six highlights over three parts, made out of reading order; one selection spans two sections. */
async function highlightAcrossTheBrief(page: Page) {
  await highlight(
    page,
    'key-point',
    'Key point',
    'NATO has already doubled the number of battlegroups',
  );
  await highlight(page, 'evidence', 'Evidence', '23 Allies meeting the 2% target');
  await highlight(page, 'question', 'Question', 'refined delegated authorities');
  await highlight(
    page,
    'disagree',
    'Disagree',
    "2024's Steadfast Defender included",
    'Ministers discussed',
  );
  await highlight(page, 'evidence', 'Evidence', 'Increased intelligence exchanges');
  await highlight(
    page,
    'action',
    'Action',
    'Ministers discussed a long-term financial pledge for Ukraine',
  );
}

function highlightsPanel(page: Page): Locator {
  return page.getByRole('tabpanel', { name: 'Highlights' });
}

function quotes(scope: Locator): Promise<string[]> {
  return scope.locator('.hl-review-quote').allInnerTexts();
}

test('the Highlights tab lists them by section in reading order and filters by colour', async ({
  page,
  app,
}) => {
  await openSample(page, app.url);
  await page.getByRole('tab', { name: 'Highlights' }).click();
  const panel = highlightsPanel(page);
  await expect(panel).toContainText('No highlights yet');
  await expect(panel).toContainText('Select a passage in the brief, then choose a colour');

  await highlightAcrossTheBrief(page);

  // Each part of the brief under its heading, each subsection under its own, in text order.
  await expect(panel.getByRole('heading', { level: 3 })).toHaveText([PART_I, PART_II, PART_III]);
  await expect(panel.getByRole('heading', { level: 4 })).toHaveText([FINANCE, PLANS, PLEDGE]);
  await expect
    .poll(() => quotes(panel))
    .toEqual([
      'Ministers discussed a long-term financial pledge for Ukraine',
      '23 Allies meeting the 2% target',
      'refined delegated authorities',
      'NATO has already doubled the number of battlegroups',
      "2024's Steadfast Defender included 90,000 troops across Europe.",
      'Ministers discussed',
      'Increased intelligence exchanges',
    ]);
  // The selection over two sections shows its part in each.
  const partII = panel.getByRole('region', { name: PART_II });
  expect(await quotes(partII.locator('[data-review-section]').filter({ hasText: PLEDGE }))).toEqual(
    ['Ministers discussed'],
  );
  await expect(panel.getByRole('region', { name: PART_III })).toContainText(
    'Increased intelligence exchanges',
  );

  // One colour: only its highlights, still grouped.
  const filter = panel.getByRole('group', { name: 'Show colours' });
  const evidence = filter.getByRole('button', { name: 'Evidence 2' });
  await expect(evidence).toHaveAttribute('aria-pressed', 'false');
  await evidence.click();
  await expect(evidence).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(() => quotes(panel))
    .toEqual(['23 Allies meeting the 2% target', 'Increased intelligence exchanges']);
  await expect(panel.getByRole('heading', { level: 3 })).toHaveText([PART_II, PART_III]);
  // A second colour adds its highlights.
  await filter.getByRole('button', { name: 'Action 1' }).click();
  await expect.poll(async () => (await quotes(panel)).length).toBe(3);
  await filter.getByRole('button', { name: 'Show all' }).click();
  await expect.poll(async () => (await quotes(panel)).length).toBe(7);
  await expect(evidence).toHaveAttribute('aria-pressed', 'false');

  // The tab is remembered.
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Highlights' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect.poll(async () => (await quotes(highlightsPanel(page))).length).toBe(7);
});

test('an item shows its passage with the popover open, by mouse and by keyboard', async ({
  page,
  app,
}) => {
  await openSample(page, app.url);
  await highlightAcrossTheBrief(page);
  await page.getByRole('tab', { name: 'Highlights' }).click();
  const panel = highlightsPanel(page);
  // Back at the top, far from the passages.
  await page.locator('.reader-main').evaluate((main) => (main.scrollTop = 0));

  const doubled = panel.getByRole('button', { name: /NATO has already doubled/ });
  await doubled.click();
  const popover = page.getByRole('dialog', { name: 'Key point highlight' });
  await expect(popover).toBeVisible();
  await expect(popover).toBeFocused();
  expect(await passageInView(page, 'NATO has already doubled')).toBe(true);
  // Its section is the one being read: the note beside it follows.
  await expect(page.locator('.note-context-heading')).toHaveText(PLANS);
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await expect(doubled).toBeFocused();

  // Keyboard only: Tab from the filter to the first item of part III, Enter, recolour, Escape.
  await page.locator('.reader-main').evaluate((main) => (main.scrollTop = 0));
  await panel.getByRole('group', { name: 'Show colours' }).getByRole('button').last().focus();
  const exchanges = panel.getByRole('button', { name: /Increased intelligence exchanges/ });
  for (let step = 0; step < 8; step++) {
    await page.keyboard.press('Tab');
    if (await exchanges.evaluate((item) => item === document.activeElement)) break;
  }
  await expect(exchanges).toBeFocused();
  await page.keyboard.press('Enter');
  const evidencePopover = page.getByRole('dialog', { name: 'Evidence highlight' });
  await expect(evidencePopover).toBeFocused();
  expect(await passageInView(page, 'Increased intelligence exchanges')).toBe(true);
  await expect(page.locator('.note-context-heading')).toHaveText(PART_III);
  await page.keyboard.press('Tab');
  await expect(evidencePopover.getByRole('button', { name: 'Key point' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(evidencePopover.getByRole('button', { name: 'Question' })).toBeFocused();
  await page.keyboard.press('Enter');
  // The list follows at once: the item's colour, and the counts.
  await expect(exchanges.getByRole('img', { name: 'Question' })).toBeVisible();
  const filter = panel.getByRole('group', { name: 'Show colours' });
  await expect(filter.getByRole('button', { name: 'Question 2' })).toBeVisible();
  await expect(filter.getByRole('button', { name: 'Evidence 1' })).toBeVisible();
  // Back at the item with the popover still open (Tab, not Escape): Enter gives it focus again.
  await exchanges.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Question highlight' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(exchanges).toBeFocused();

  // A comment shows under its quote; a deleted highlight leaves the list.
  await exchanges.press('Enter');
  const questionPopover = page.getByRole('dialog', { name: 'Question highlight' });
  await questionPopover.getByRole('textbox', { name: 'Comment' }).fill('Which services share?');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(exchanges).toContainText('Which services share?');
  await questionPopover.getByRole('button', { name: 'Delete' }).click();
  await expect(exchanges).toBeHidden();
  await expect(panel.getByRole('heading', { level: 3 })).toHaveText([PART_I, PART_II]);
});

test('the notes panel lists the highlights of the section being read, in text order', async ({
  page,
  app,
}) => {
  await openSample(page, app.url);
  await highlightAcrossTheBrief(page);
  await page.getByRole('navigation', { name: 'Outline' }).getByText(PLANS, { exact: true }).click();
  const notes = page.getByRole('complementary', { name: 'Notes' });
  await expect(notes.locator('.note-context-heading')).toHaveText(PLANS);
  const section = notes.getByRole('region', { name: 'Highlights in this section' });
  const toggle = section.getByRole('button', { name: /Highlights in this section/ });
  await expect(toggle).toContainText('3');
  await expect
    .poll(() => quotes(section))
    .toEqual([
      'refined delegated authorities',
      'NATO has already doubled the number of battlegroups',
      "2024's Steadfast Defender included 90,000 troops across Europe.",
    ]);

  // Collapsed and opened again, as the reader likes it.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(section.getByRole('listitem')).toHaveCount(0);
  await toggle.click();
  await expect(section.getByRole('listitem')).toHaveCount(3);

  // An item opens its highlight; Escape comes back to it.
  const refined = section.getByRole('button', { name: /refined delegated authorities/ });
  await refined.click();
  const popover = page.getByRole('dialog', { name: 'Question highlight' });
  await expect(popover).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(refined).toBeFocused();

  // A new highlight in the section joins the list in its place.
  await highlight(page, 'action', 'Action', 'Today we have 500,000 troops at high readiness');
  await expect
    .poll(() => quotes(section))
    .toEqual([
      'refined delegated authorities',
      'Today we have 500,000 troops at high readiness',
      'NATO has already doubled the number of battlegroups',
      "2024's Steadfast Defender included 90,000 troops across Europe.",
    ]);

  // A section without highlights shows none, and no heading for them.
  await page
    .getByRole('navigation', { name: 'Outline' })
    .getByText('NATO Nuclear Posture and Adaptation', { exact: true })
    .click();
  await expect(notes.locator('.note-context-heading')).toHaveText(
    'NATO Nuclear Posture and Adaptation',
  );
  await expect(section).toHaveCount(0);
});

test('in a long brief, an item opens a highlight in a section not mounted yet', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  await importLongBrief(page, app.url);
  const article = page.locator('article.doc');
  await expect(article).toHaveAttribute('data-complete', 'true', { timeout: 30_000 });

  // A highlight near the end of the brief, made through web mode's API.
  const { quote, sectionId, start } = await page.evaluate(() => {
    const runs = [...document.querySelectorAll('article.doc [data-section-id] [data-o]')].filter(
      (run) => (run.textContent ?? '').length >= 40,
    );
    const run = runs[Math.floor(runs.length * 0.97)]!;
    return {
      quote: (run.textContent ?? '').slice(4, 28),
      sectionId: run.closest<HTMLElement>('[data-section-id]')!.dataset.sectionId!,
      start: Number(run.getAttribute('data-o')) + 4,
    };
  });
  await callApi(page, 'highlights.create', {
    briefId: await briefIdTitled(page, 'FORTSCHRITT'),
    ranges: [{ sectionId, start, end: start + 24 }],
    role: 'question',
  });

  // Reopened on a slow machine, the Highlights tab open: the item is there before its section.
  await page.getByRole('tab', { name: 'Highlights' }).click();
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  await page.getByRole('button', { name: LONG_BRIEF_TITLE }).click();
  const item = highlightsPanel(page).getByRole('button', { name: new RegExp(quote.slice(0, 12)) });
  await expect(item).toBeVisible();
  const section = page.locator(`section[data-section-id="${sectionId}"]`);
  await expect(section).toHaveCount(0);
  await item.click();
  const popover = page.getByRole('dialog', { name: 'Question highlight' });
  await expect(popover).toBeFocused();
  expect(await passageInView(page, quote)).toBe(true);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await page.keyboard.press('Escape');
  await expect(item).toBeFocused();
});
