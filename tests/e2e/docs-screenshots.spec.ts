import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures/webMode';
import { openSectionNote } from './helpers/openSectionNote';
import { paintedTexts, selectPassage } from './helpers/passages';

const SECTION_II = 'II. ALLIED DETERRENCE AND DEFENCE';
const projectRoot = join(import.meta.dirname, '..', '..');
const shotsDir = join(projectRoot, 'test-results', 'screenshots');
const corpusDir = join(projectRoot, '..', 'shared', 'corpus');

/** Screenshots land in test-results/; `npm run docs:screenshots` also copies them into docs/. */
function saveShot(name: string): string {
  mkdirSync(shotsDir, { recursive: true });
  return join(shotsDir, name);
}

function publish(name: string): void {
  if (!process.env.BRIEFMARK_UPDATE_DOCS) return;
  copyFileSync(join(shotsDir, name), join(projectRoot, 'docs', name));
}

test('the reader with a formatted note on section II, with no console errors or CSP violations', async ({
  page,
  app,
}) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));

  await page.goto(app.url);
  const editor = await openSectionNote(page, SECTION_II);
  await page.keyboard.type('Questions for the committee hearing');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- ');
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.type('23 Allies');
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.type(' at 2%: which are still below?');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Compare with the Washington Summit declaration');
  await expect(page.getByTestId('note-status')).toHaveText(/saved/i);
  await expect(editor.locator('li')).toHaveCount(2);
  await expect(editor.locator('strong')).toHaveText('23 Allies');

  await page.screenshot({ path: saveShot('screenshot-reader.png') });
  publish('screenshot-reader.png');
  expect(problems).toEqual([]);
});

test('the sample brief in the dark theme', async ({ page, app }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(app.url);
  await page.getByRole('heading', { name: 'Decisions' }).evaluate((heading) => {
    heading.scrollIntoView({ block: 'start' });
  });
  await expect(page.locator('[aria-current="location"]').first()).toContainText('Decisions');
  await page.screenshot({ path: saveShot('screenshot-reader-dark.png') });
  publish('screenshot-reader-dark.png');
});

test('a 172-page PDF report, in the light and dark themes', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Library' }).click();
  await page
    .locator('input[type=file]')
    .setInputFiles(join(corpusDir, 'worldbank-tunisia-systematic-country-diagnostic-2015.pdf'));
  const heading = page
    .getByRole('heading', { name: 'Profile of the Poor and the Bottom 40 Percent' })
    .first();
  await expect(heading).toBeAttached({ timeout: 90_000 });
  await heading.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await page.locator('.reader-main').evaluate((main) => (main.scrollTop -= 24));
  await page.waitForTimeout(300);
  await page.screenshot({ path: saveShot('screenshot-long-pdf-light.png') });
  publish('screenshot-long-pdf-light.png');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(300);
  await page.screenshot({ path: saveShot('screenshot-long-pdf-dark.png') });
  publish('screenshot-long-pdf-dark.png');
});

test('a new edition of the sample brief, with its highlights to check', async ({ page, app }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  for (const passage of [
    'an annual support of EUR 40 billion per year for as long as it takes',
    "2024's Steadfast Defender included 90,000 troops across Europe",
    'increase production rates, making procurement more agile',
    'increasing transparency and accountability',
  ]) {
    const before = (await paintedTexts(page)).length;
    await selectPassage(page, passage);
    await page.keyboard.press('h');
    await expect.poll(async () => (await paintedTexts(page)).length).toBe(before + 1);
  }
  await page.getByRole('button', { name: 'Library' }).click();
  await page
    .locator('input[type=file]')
    .setInputFiles(join(projectRoot, 'tests', 'fixtures', 'sample-brief-edition-2.txt'));
  await page.getByRole('button', { name: 'Carry over' }).click();
  await page.getByRole('button', { name: 'Review changes' }).click();
  await page.getByRole('button', { name: 'Show', exact: true }).first().click();
  await expect(page.getByRole('dialog', { name: /highlight/i })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);
  await page.screenshot({ path: saveShot('screenshot-new-edition.png') });
  publish('screenshot-new-edition.png');
});

test('the export dialog and the library export, in the light and dark themes', async ({
  page,
  app,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  for (const passage of [
    'These show 23 Allies meeting the 2% target in 2024',
    'Today we have 500,000 troops at high readiness across all domains',
  ]) {
    const before = (await paintedTexts(page)).length;
    await selectPassage(page, passage);
    await page.keyboard.press('h');
    await expect.poll(async () => (await paintedTexts(page)).length).toBe(before + 1);
  }
  await openSectionNote(page, SECTION_II);
  await page.keyboard.type('Questions for the committee hearing');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- ');
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.type('23 Allies');
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.type(' at 2%: which are still below?');

  await page.getByRole('banner').getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export as Markdown' });
  await expect(dialog.getByTestId('export-preview')).toContainText('23 Allies');
  await page.waitForTimeout(300);
  await page.screenshot({ path: saveShot('screenshot-export.png') });
  publish('screenshot-export.png');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(300);
  await page.screenshot({ path: saveShot('screenshot-export-dark.png') });
  await page.keyboard.press('Escape');

  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('button', { name: 'Library' }).click();
  await page
    .locator('input[type=file]')
    .setInputFiles(join(corpusDir, 'gao-07-791-reexamining-regulations-retrospective-reviews.md'));
  await expect(page.getByRole('heading', { level: 1, name: /Agencies Need/ })).toBeVisible();
  await page.getByRole('button', { name: 'Library' }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  const libraryDialog = page.getByRole('dialog', { name: 'Export briefs' });
  await libraryDialog.getByRole('radio', { name: /Selected briefs/ }).check();
  await libraryDialog.getByRole('checkbox', { name: /NATO DEFENCE/ }).check();
  await libraryDialog.getByRole('checkbox', { name: /W3C Web Annotation/ }).check();
  await page.waitForTimeout(300);
  await page.screenshot({ path: saveShot('screenshot-export-library.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(300);
  await page.screenshot({ path: saveShot('screenshot-export-library-dark.png') });
});
