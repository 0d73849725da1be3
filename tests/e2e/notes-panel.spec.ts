import type { Locator, Page } from '@playwright/test';
import { parseBriefmarkHref } from '../../src/shared/briefmarkLink';
import { expect, test } from './fixtures/webMode';
import { openSectionNote } from './helpers/openSectionNote';
import { clickPainted, painted, passageInView, selectPassage } from './helpers/passages';

const TITLE = /NATO DEFENCE MINISTERS' MEETING, 13-14 JUNE 2024/i;
const SECTION_II = 'II. ALLIED DETERRENCE AND DEFENCE';
const PASSAGE = 'These show 23 Allies meeting the 2% target in 2024';

async function openSample(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
}

function notesPanel(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Notes' });
}

function formatting(page: Page): Locator {
  return page.getByRole('toolbar', { name: 'Note formatting' });
}

async function goToSection(page: Page, heading: string) {
  await page
    .getByRole('navigation', { name: /outline/i })
    .getByText(heading, { exact: true })
    .click();
}

async function expectSaved(page: Page) {
  await expect(page.getByTestId('note-status')).toHaveText('Saved');
}

/** Highlights a passage in the colour named `label` with the selection toolbar. */
async function highlight(page: Page, label: string, passage: string) {
  await selectPassage(page, passage);
  await page
    .getByRole('toolbar', { name: 'Highlight the selection' })
    .getByRole('button', { name: label })
    .click();
  await expect.poll(() => painted(page, 'key-point')).toContain(passage);
}

test('a note with every kind of formatting reads the same after a reload', async ({
  page,
  app,
}) => {
  await openSample(page, app.url);
  const editor = await openSectionNote(page, SECTION_II);
  const tools = formatting(page);

  await tools.getByRole('button', { name: 'Heading' }).click();
  await page.keyboard.type('Questions for the committee');
  await page.keyboard.press('Enter');
  await tools.getByRole('button', { name: 'Bullet list' }).click();
  await page.keyboard.type('Which Allies are ');
  await tools.getByRole('button', { name: 'Bold' }).click();
  await page.keyboard.type('below 2%');
  await tools.getByRole('button', { name: 'Bold' }).click();
  await page.keyboard.type(' and which ');
  await tools.getByRole('button', { name: 'Strikethrough' }).click();
  await page.keyboard.type('met it last year');
  await tools.getByRole('button', { name: 'Strikethrough' }).click();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Ask for the ');
  await tools.getByRole('button', { name: 'Code' }).click();
  await page.keyboard.type('NDPP');
  await tools.getByRole('button', { name: 'Code' }).click();
  await page.keyboard.type(' targets');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await tools.getByRole('button', { name: 'Divider' }).click();
  await page.keyboard.type('Source: ');
  await page.keyboard.press('ControlOrMeta+k');
  const dialog = page.getByRole('dialog', { name: 'Add link' });
  await dialog.getByLabel('Address').fill('https://www.nato.int/cps/en/natohq/topics_49198.htm');
  await dialog.getByRole('button', { name: 'Add link' }).click();

  await expect(editor.locator('h3')).toHaveText('Questions for the committee');
  await expect(editor.locator('ul > li')).toHaveCount(2);
  await expect(editor.locator('li strong')).toHaveText('below 2%');
  await expect(editor.locator('li s')).toHaveText('met it last year');
  await expect(editor.locator('li code')).toHaveText('NDPP');
  await expect(editor.locator('hr')).toHaveCount(1);
  await expect(editor.locator('a')).toHaveAttribute(
    'href',
    'https://www.nato.int/cps/en/natohq/topics_49198.htm',
  );
  await expectSaved(page);
  const typed = await editor.innerHTML();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await goToSection(page, SECTION_II);
  const reloaded = page.getByRole('textbox', { name: `Note for ${SECTION_II}` });
  await expect(reloaded.locator('hr')).toHaveCount(1);
  expect(await reloaded.innerHTML()).toBe(typed);
});

test('the toolbar names every format with its shortcut', async ({ page, app }) => {
  await openSample(page, app.url);
  await openSectionNote(page, SECTION_II);
  const tools = formatting(page);
  for (const [name, title] of [
    ['Bold', /^Bold \((Ctrl\+B|⌘B)\)$/],
    ['Strikethrough', /^Strikethrough \((Ctrl\+Shift\+S|⌘⇧S)\)$/],
    ['Code', /^Code \((Ctrl\+E|⌘E)\)$/],
    ['Divider', /^Divider \(type --- on a new line\)$/],
    ['Quote', /^Quote \(/],
    ['Task list', /^Task list \(/],
    ['Link', /^Link \((Ctrl\+K|⌘K)\)$/],
  ] as const) {
    await expect(tools.getByRole('button', { name, exact: true })).toHaveAttribute('title', title);
  }
});

test('Quote into note puts a linked quote in the section note, which leads back to the highlight', async ({
  page,
  app,
}) => {
  await openSample(page, app.url);
  // Another note is shown when the quote is made: the panel turns to the highlight's section.
  await notesPanel(page).getByRole('tab', { name: 'Whole brief' }).click();
  await highlight(page, 'Key point', PASSAGE);
  await clickPainted(page, PASSAGE);
  const popover = page.getByTestId('highlight-popover');
  await popover.getByRole('textbox', { name: 'Comment' }).fill('Compare with the 2014 baseline.');
  await popover.getByRole('button', { name: 'Quote into note' }).click();
  await expect(popover.getByRole('button', { name: 'Quoted in note' })).toBeVisible();

  await expect(notesPanel(page).getByRole('tab', { name: 'This section' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const note = page.getByRole('textbox', { name: `Note for ${SECTION_II}` });
  await expect(note.locator('blockquote > p').first()).toHaveText(PASSAGE);
  const link = note.locator('blockquote a');
  await expect(link).toHaveText('Key point');
  await expect(note.locator('blockquote > p').last()).toHaveText('— Key point');
  const href = await link.getAttribute('href');
  const parsed = parseBriefmarkHref(href ?? '');
  expect(parsed?.sectionId).toBe('ii-allied-deterrence-and-defence');
  await expect(note.locator('blockquote + p')).toHaveText('Compare with the 2014 baseline.');
  await expectSaved(page);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await goToSection(page, SECTION_II);
  const reloaded = page.getByRole('textbox', { name: `Note for ${SECTION_II}` });
  await expect(reloaded.locator('blockquote a')).toHaveAttribute('href', href!);
  await expect(reloaded.locator('blockquote + p')).toHaveText('Compare with the 2014 baseline.');
  // A plain click only places the cursor; Ctrl+click follows the link to the highlight.
  await reloaded.locator('blockquote a').click();
  await expect(reloaded).toBeFocused();
  // While the note has focus it stays put, so the brief can be scrolled away from the passage.
  await page.locator('.reader-main').evaluate((pane) => (pane.scrollTop = 0));
  await expect(page.getByTestId('highlight-popover')).toHaveCount(0);
  expect(await passageInView(page, PASSAGE)).toBe(false);
  await reloaded.locator('blockquote a').click({ modifiers: ['ControlOrMeta'] });
  const opened = page.getByTestId('highlight-popover');
  await expect(opened).toBeVisible();
  await expect(opened).toContainText('Key point highlight');
  await expect(opened.getByRole('textbox', { name: 'Comment' })).toHaveValue(
    'Compare with the 2014 baseline.',
  );
  expect(await passageInView(page, PASSAGE)).toBe(true);
  // Escape gives the keyboard back to the note it came from.
  await page.keyboard.press('Escape');
  await expect(reloaded).toBeFocused();
});

test('the link dialog goes to the highlight a quote links to', async ({ page, app }) => {
  await openSample(page, app.url);
  await highlight(page, 'Key point', PASSAGE);
  await goToSection(page, SECTION_II);
  const item = notesPanel(page).getByTestId('highlight-review-item').filter({ hasText: PASSAGE });
  await item.getByRole('button', { name: 'Quote into note' }).click();
  const note = page.getByRole('textbox', { name: `Note for ${SECTION_II}` });
  await expect(note.locator('blockquote a')).toHaveText('Key point');
  // A highlight without a comment brings only its quote (and the empty line to write on).
  await expect(note.locator('blockquote + p')).toHaveText('');
  await expectSaved(page);

  await note.locator('blockquote a').click();
  await page.keyboard.press('ControlOrMeta+k');
  const dialog = page.getByRole('dialog', { name: 'Edit link' });
  await expect(dialog.getByLabel('Address')).toHaveValue(/^briefmark:\/\/brief\//);
  await dialog.getByRole('button', { name: 'Go to highlight' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('highlight-popover')).toBeVisible();
});

test('a link to another scheme is refused in the link dialog', async ({ page, app }) => {
  await openSample(page, app.url);
  await openSectionNote(page, SECTION_II);
  await page.keyboard.type('Look here');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('ControlOrMeta+k');
  const dialog = page.getByRole('dialog', { name: 'Add link' });
  for (const address of [
    'javascript:alert(1)',
    'briefmark://evil',
    'file:///etc/passwd',
    'data:text/html,hi',
  ]) {
    await dialog.getByLabel('Address').fill(address);
    await dialog.getByRole('button', { name: 'Add link' }).click();
    await expect(dialog.getByRole('alert')).toBeVisible();
  }
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(
    page.getByRole('textbox', { name: `Note for ${SECTION_II}` }).locator('a'),
  ).toHaveCount(0);
});

test('All notes lists the notes in outline order, and a heading opens its note', async ({
  page,
  app,
}) => {
  await openSample(page, app.url);
  const panel = notesPanel(page);
  await panel.getByRole('tab', { name: 'All notes' }).click();
  await expect(panel.getByText('No notes yet')).toBeVisible();

  // Written out of the brief's order.
  await panel.getByRole('tab', { name: 'This section' }).click();
  await openSectionNote(page, SECTION_II);
  await page.keyboard.type('Deterrence: ');
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.type('23 Allies');
  await page.keyboard.press('ControlOrMeta+b');
  await openSectionNote(page, 'Decisions');
  await page.keyboard.type('Four endorsements to track');
  await expectSaved(page);
  await panel.getByRole('tab', { name: 'Whole brief' }).click();
  await page.getByRole('textbox', { name: 'Note for the whole brief' }).click();
  await page.keyboard.type('Overall: a meeting to prepare the Summit');
  // Straight to All notes, without waiting for the save: switching keeps what was typed.
  await panel.getByRole('tab', { name: 'All notes' }).click();

  const list = panel.getByTestId('all-notes');
  await expect(list.getByRole('heading', { level: 3 })).toHaveText([
    'The whole brief',
    'Decisions',
    SECTION_II,
  ]);
  await expect(list.getByRole('article', { name: 'The whole brief' })).toContainText(
    'Overall: a meeting to prepare the Summit',
  );
  await expect(list.getByRole('article', { name: SECTION_II }).locator('strong')).toHaveText(
    '23 Allies',
  );
  await expectSaved(page);

  await list.getByRole('button', { name: 'Decisions' }).click();
  await expect(panel.getByRole('tab', { name: 'This section' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const decisions = page.getByRole('textbox', { name: 'Note for Decisions' });
  await expect(decisions).toBeFocused();
  await expect(decisions).toHaveText('Four endorsements to track');
  await expect(page.getByRole('heading', { name: 'Decisions', exact: true })).toBeInViewport();
  await page.keyboard.type(', starting with NSATU');
  await expectSaved(page);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await notesPanel(page).getByRole('tab', { name: 'All notes' }).click();
  await expect(
    notesPanel(page).getByTestId('all-notes').getByRole('article', { name: 'Decisions' }),
  ).toHaveText(/Four endorsements to track, starting with NSATU/);
});
