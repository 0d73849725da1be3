import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures/webMode';
import { openSectionNote } from './helpers/openSectionNote';

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
