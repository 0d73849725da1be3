import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/webMode';
import { openSectionNote } from './helpers/openSectionNote';
import { painted, selectPassage } from './helpers/passages';

const corpus = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
const TITLE = /NATO DEFENCE MINISTERS' MEETING, 13-14 JUNE 2024/i;
const SECTION_II = 'II. ALLIED DETERRENCE AND DEFENCE';
const PASSAGE = 'These show 23 Allies meeting the 2% target in 2024';
// In section II's own text, outside the highlighted passage.
const SECTION_II_TEXT = 'NATO released the latest figures for Allied defence expenditures';
const NATO_FIGURES = 'https://www.nato.int/cps/en/natohq/topics_49198.htm';

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

async function openSample(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
}

function exportButton(page: Page): Locator {
  return page.getByRole('banner').getByRole('button', { name: 'Export', exact: true });
}

async function openExportDialog(page: Page): Promise<Locator> {
  await exportButton(page).click();
  const dialog = page.getByRole('dialog', { name: 'Export as Markdown' });
  await expect(dialog.getByTestId('export-preview')).toHaveAttribute('aria-busy', 'false');
  return dialog;
}

async function highlightPassage(page: Page) {
  await selectPassage(page, PASSAGE);
  await page
    .getByRole('toolbar', { name: 'Highlight the selection' })
    .getByRole('button', { name: 'Key point' })
    .click();
  await expect.poll(() => painted(page, 'key-point')).toContain(PASSAGE);
}

/** Types a note with a heading, a bulleted list with bold text, and a link, in section II. */
async function typeFormattedNote(page: Page) {
  await openSectionNote(page, SECTION_II);
  const tools = page.getByRole('toolbar', { name: 'Note formatting' });
  await tools.getByRole('button', { name: 'Heading' }).click();
  await page.keyboard.type('Questions for the committee');
  await page.keyboard.press('Enter');
  await tools.getByRole('button', { name: 'Bullet list' }).click();
  await page.keyboard.type('Which Allies are ');
  await tools.getByRole('button', { name: 'Bold' }).click();
  await page.keyboard.type('below 2%');
  await tools.getByRole('button', { name: 'Bold' }).click();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Ask for the NDPP targets');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Source: NATO figures');
  // The editor may still be taking in the last keys and put the caret back after them, so the
  // selection is made again until it holds the words.
  await expect(async () => {
    await page.keyboard.press('End');
    for (let i = 0; i < 'NATO figures'.length; i += 1) {
      await page.keyboard.press('Shift+ArrowLeft');
    }
    expect(await page.evaluate(() => document.getSelection()?.toString())).toBe('NATO figures');
  }).toPass({ timeout: 10_000 });
  await page.keyboard.press('ControlOrMeta+k');
  const linkDialog = page.getByRole('dialog', { name: 'Add link' });
  await linkDialog.getByLabel('Address').fill(NATO_FIGURES);
  await linkDialog.getByRole('button', { name: 'Add link' }).click();
  await page.keyboard.press('End');
}

/** What the export writes under section II, up to the next part's heading. */
function sectionII(markdown: string): string {
  const start = markdown.indexOf(`\n## ${SECTION_II}\n`);
  expect(start, 'section II heading').toBeGreaterThanOrEqual(0);
  const rest = markdown.slice(start + 1);
  // Only parts are at level 2; the note's own heading sits at level 3 below the part's.
  const next = rest.slice(1).search(/^## /m);
  return (next < 0 ? rest : rest.slice(0, next + 1)).replace(/\n+$/, '\n');
}

/** The note and highlight typed by the tests above, as the export must write them. */
function expectNoteAndHighlight(markdown: string, briefId: RegExp | string = /[\w-]+/) {
  expect(markdown).toContain('### Questions for the committee');
  expect(markdown).toContain('- Which Allies are **below 2%**\n- Ask for the NDPP targets');
  expect(markdown).toContain(`Source: [NATO figures](${NATO_FIGURES})`);
  expect(markdown).toContain(`> ${PASSAGE}\\\n> — **Key point** · [open in Briefmark](`);
  const link = new RegExp(
    `\\(briefmark://brief/(${typeof briefId === 'string' ? briefId : briefId.source})/section/ii-allied-deterrence-and-defence#h-[0-9a-f-]+\\) \\^h-[0-9a-f]{8}\\n`,
  );
  expect(markdown).toMatch(link);
  // The highlight comes before the note, as in the brief's text order of things.
  expect(markdown.indexOf(PASSAGE)).toBeLessThan(markdown.indexOf('Questions for the committee'));
}

async function downloadedText(download: Download): Promise<string> {
  const path = await download.path();
  return readFileSync(path, 'utf8');
}

test('Save downloads the brief as Markdown, with the note just typed under its section', async ({
  page,
  app,
}) => {
  await openSample(page, app.url);
  await highlightPassage(page);
  await typeFormattedNote(page);
  // No waiting for "Saved": the export must save the note being typed first.
  const dialog = await openExportDialog(page);
  await expect(dialog.getByTestId('export-preview')).toContainText('Questions for the committee');

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save…' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.md$/);
  const markdown = await downloadedText(file);
  await expect(dialog.getByRole('status')).toHaveText(`Downloaded “${file.suggestedFilename()}”`);

  expect(markdown.startsWith('---\ntitle: ')).toBe(true);
  expect(markdown).toMatch(/^# NATO DEFENCE MINISTERS' MEETING/m);
  expectNoteAndHighlight(sectionII(markdown));
});

test('choices made in the dialog are kept after a reload, and the preview follows them', async ({
  page,
  app,
}) => {
  await openSample(page, app.url);
  await highlightPassage(page);
  let dialog = await openExportDialog(page);
  const preview = dialog.getByTestId('export-preview');
  const fullText = dialog.getByRole('checkbox', { name: "Each section's full text" });
  for (const box of await dialog.getByRole('checkbox').all()) await expect(box).not.toBeChecked();
  await expect(preview).toContainText(PASSAGE);
  await expect(preview).not.toContainText(SECTION_II_TEXT);

  await fullText.check();
  await expect(preview).toContainText(SECTION_II_TEXT);
  await dialog.getByRole('checkbox', { name: 'Group highlights by colour role' }).check();
  await expect(preview).toContainText('## Key point');
  await dialog.getByRole('checkbox', { name: /W3C Web Annotation/ }).check();

  // Tab goes round the dialog's controls and never leaves it.
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(exportButton(page)).toBeFocused();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  dialog = await openExportDialog(page);
  await expect(dialog.getByRole('checkbox', { name: 'All sections' })).not.toBeChecked();
  await expect(fullText).toBeChecked();
  await expect(
    dialog.getByRole('checkbox', { name: 'Group highlights by colour role' }),
  ).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: /W3C Web Annotation/ })).toBeChecked();
  await expect(preview).toContainText(SECTION_II_TEXT);

  await fullText.uncheck();
  await expect(preview).not.toContainText(SECTION_II_TEXT);
});

test('Copy Markdown and the notes panel’s Copy as Markdown put the Markdown on the clipboard', async ({
  page,
  app,
}) => {
  await openSample(page, app.url);
  await highlightPassage(page);
  await typeFormattedNote(page);
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

  const dialog = await openExportDialog(page);
  await dialog.getByRole('button', { name: 'Copy Markdown' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Copied to the clipboard');
  const whole = await clipboard();
  expect(whole.startsWith('---\ntitle: ')).toBe(true);
  expectNoteAndHighlight(sectionII(whole));
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  const notes = page.getByRole('complementary', { name: 'Notes' });
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await notes.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(notes.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  const section = await clipboard();
  expect(section.startsWith(`## ${SECTION_II}\n\n> ${PASSAGE}`)).toBe(true);
  expect(section).not.toContain('title:');
  expectNoteAndHighlight(section);
  // The same words as in the whole brief's export.
  expect(sectionII(whole)).toBe(section);

  // The brief note, copied with the keyboard, under the brief's title.
  await notes.getByRole('tab', { name: 'Whole brief' }).click();
  const briefNote = page.getByRole('textbox', { name: 'Note for the whole brief' });
  await briefNote.click();
  await page.keyboard.type('Compare with the Washington Summit declaration.');
  await notes.getByRole('button', { name: 'Copy as Markdown' }).focus();
  await page.keyboard.press('Enter');
  await expect(notes.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  expect(await clipboard()).toMatch(
    /^# NATO DEFENCE MINISTERS' MEETING, 13-14 JUNE 2024: KEY TAKEAWAYS\n\nCompare with the Washington Summit declaration\.\n$/,
  );
});

test('the library exports two briefs with their annotation sidecars as four files', async ({
  page,
  app,
}) => {
  await openSample(page, app.url);
  await highlightPassage(page);
  await page.getByRole('button', { name: 'Library' }).click();
  await page
    .locator('input[type=file]')
    .setInputFiles(join(corpus, 'gao-07-791-reexamining-regulations-retrospective-reviews.md'));
  await expect(
    page.getByRole('heading', { level: 1, name: /Agencies Need to Establish/ }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Library' }).click();

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export briefs' });
  await expect(dialog.getByRole('radio', { name: 'All briefs (2)' })).toBeChecked();
  await dialog.getByRole('radio', { name: /Selected briefs/ }).check();
  const download = dialog.getByRole('button', { name: /^Download/ });
  await expect(download).toHaveText('Download 0 files');
  await expect(download).toHaveAttribute('aria-disabled', 'true');
  // Ticked with the keyboard: one brief, then the other.
  const list = dialog.getByRole('list', { name: 'Briefs to export' });
  await list.getByRole('checkbox', { name: TITLE }).focus();
  await page.keyboard.press('Space');
  await expect(download).toHaveText('Download 1 file');
  await list.getByRole('checkbox', { name: /Agencies Need to Establish/ }).focus();
  await page.keyboard.press('Space');
  await dialog.getByRole('checkbox', { name: /W3C Web Annotation/ }).check();
  await expect(download).toHaveText('Download 4 files');

  const files: Download[] = [];
  page.on('download', (file) => files.push(file));
  await download.click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Downloaded' })).toHaveText(
    'Downloaded 4 files',
  );
  await expect.poll(() => files.length).toBe(4);
  const names = files.map((file) => file.suggestedFilename());
  expect(new Set(names).size).toBe(4);
  expect(names.filter((name) => name.endsWith('.md'))).toHaveLength(2);
  expect(names.filter((name) => name.endsWith('.annotations.json'))).toHaveLength(2);
  for (const file of files) {
    const text = await downloadedText(file);
    if (file.suggestedFilename().endsWith('.json')) expect(() => JSON.parse(text)).not.toThrow();
    else expect(text.startsWith('---\ntitle: ')).toBe(true);
  }
  const sample = files.find(
    (file) => /nato/i.test(file.suggestedFilename()) && file.suggestedFilename().endsWith('.md'),
  );
  expect(sample, names.join(', ')).toBeDefined();
  expect(await downloadedText(sample!)).toContain(PASSAGE);

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: 'Export…' })).toBeFocused();
});
