import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { expect, test } from './fixtures/webMode';
import { openSectionNote } from './helpers/openSectionNote';

const SECTION_II = 'II. ALLIED DETERRENCE AND DEFENCE';
const TITLE = /NATO DEFENCE MINISTERS' MEETING, 13-14 JUNE 2024/i;

test('opens the sample brief on first launch with its outline', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const outline = page.getByRole('navigation', { name: /outline/i });
  for (const heading of [
    'Focus of the Meetings',
    'Decisions',
    'I. PREDICTABLE AND COORDINATED SUPPORT FOR UKRAINE',
    SECTION_II,
    "III. RESPONSE TO RUSSIA'S HOSTILE ACTIONS TOWARD ALLIES",
    'NATO Nuclear Posture and Adaptation',
  ]) {
    await expect(outline.getByText(heading, { exact: true })).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: SECTION_II })).toBeVisible();
});

test('keeps a note typed in section II after reload, and exports it under that heading', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await openSectionNote(page, SECTION_II);
  await page.keyboard.type('Ask the committee about the ');
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.type('2% figures');
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.type(' before the summit.');
  await expect(page.getByTestId('note-status')).toHaveText(/saved/i);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await page
    .getByRole('navigation', { name: /outline/i })
    .getByText(SECTION_II, { exact: true })
    .click();
  const reloaded = page.getByRole('textbox', { name: `Note for ${SECTION_II}` });
  await expect(reloaded).toContainText('Ask the committee about the 2% figures before the summit.');
  await expect(reloaded.locator('strong')).toHaveText('2% figures');

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: /export/i }).click();
  await page
    .getByRole('dialog', { name: 'Export as Markdown' })
    .getByRole('button', { name: 'Save…' })
    .click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.md$/);
  const markdown = readFileSync((await download.path())!, 'utf8');

  // The note sits under the section's own heading, not merely somewhere in the file.
  const tokens = new MarkdownIt().parse(markdown, {});
  let currentHeading = '';
  let noteHeading = '';
  tokens.forEach((token, index) => {
    if (token.type === 'heading_open') currentHeading = tokens[index + 1]?.content ?? '';
    if (token.type === 'inline' && token.content.includes('before the summit'))
      noteHeading = currentHeading;
  });
  expect(noteHeading).toBe(SECTION_II);
  expect(markdown).toContain('**2% figures**');
  expect(markdown).toMatch(/^---\ntitle: /);
});

test('a note survives the server restarting, as after quitting the app', async ({ page, app }) => {
  await page.goto(app.url);
  await openSectionNote(page, 'Decisions');
  await page.keyboard.type('Endorsements to track');
  await expect(page.getByTestId('note-status')).toHaveText(/saved/i);

  await app.restart();
  await page.goto(app.url);
  // A new run starts in the library; the brief is one click away.
  await page.getByRole('button', { name: TITLE }).click();
  await page
    .getByRole('navigation', { name: /outline/i })
    .getByText('Decisions', { exact: true })
    .click();
  await expect(page.getByRole('textbox', { name: 'Note for Decisions' })).toContainText(
    'Endorsements to track',
  );
});
