import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/webMode';
import { headingTop } from './helpers/headingTop';

const TITLE = /NATO DEFENCE MINISTERS' MEETING, 13-14 JUNE 2024/i;
const SECTION_I = 'I. PREDICTABLE AND COORDINATED SUPPORT FOR UKRAINE';
const SECTION_II = 'II. ALLIED DETERRENCE AND DEFENCE';
const NUCLEAR = 'NATO Nuclear Posture and Adaptation';

async function openSample(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
}

const tree = (page: Page) => page.getByRole('tree', { name: 'Sections' });
const item = (page: Page, name: string) =>
  tree(page).getByRole('treeitem', { name, exact: false }).filter({ hasText: name }).first();
const currentItem = (page: Page) =>
  tree(page).locator('[role="treeitem"][aria-current="location"]');

test('the outline follows scrolling and jumps to the section clicked', async ({ page, app }) => {
  await openSample(page, app.url);
  await expect(currentItem(page)).toContainText('Introduction');

  await page.getByRole('heading', { name: 'Decisions' }).evaluate((heading) => {
    heading.scrollIntoView({ block: 'start' });
  });
  await expect(currentItem(page)).toContainText('Decisions');
  await page
    .getByRole('heading', { name: 'Long-term financial commitment' })
    .evaluate((heading) => {
      heading.scrollIntoView({ block: 'start' });
    });
  await expect(currentItem(page)).toContainText('Long-term financial commitment');

  await tree(page).getByText(NUCLEAR, { exact: true }).click();
  await expect(currentItem(page)).toContainText(NUCLEAR);
  expect(Math.abs(await headingTop(page, NUCLEAR))).toBeLessThan(40);
  await expect(page.getByRole('heading', { name: NUCLEAR })).toBeFocused();
});

test('the outline is a keyboard tree: arrows move and fold, Enter jumps', async ({ page, app }) => {
  await openSample(page, app.url);
  const sectionI = item(page, SECTION_I);
  await sectionI.click();
  await sectionI.focus();
  await expect(sectionI).toHaveAttribute('aria-expanded', 'true');

  await page.keyboard.press('ArrowLeft');
  await expect(sectionI).toHaveAttribute('aria-expanded', 'false');
  await expect(tree(page).getByText('Long-term financial commitment')).toBeHidden();

  await page.keyboard.press('ArrowDown');
  await expect(item(page, SECTION_II)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  await expect(sectionI).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowRight');
  const firstChild = item(page, 'The NATO Security Assistance and Training for Ukraine');
  await expect(firstChild).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(currentItem(page)).toContainText('Long-term financial commitment');
  expect(Math.abs(await headingTop(page, 'Long-term financial commitment'))).toBeLessThan(40);

  // Folding every part hides the subsections; reading on into one unfolds it again.
  await page.getByRole('button', { name: 'Collapse all' }).click();
  await expect(tree(page).getByText('Long-term financial commitment')).toBeHidden();
  await page.getByRole('heading', { name: NUCLEAR }).evaluate((heading) => {
    heading.scrollIntoView({ block: 'start' });
  });
  await expect(currentItem(page)).toContainText(NUCLEAR);
});

test('] and [ move between sections unless the reader is typing', async ({ page, app }) => {
  await openSample(page, app.url);
  await page.locator('.reader-main').focus();
  await page.keyboard.press(']');
  await expect(currentItem(page)).toContainText('Focus of the Meetings');
  await page.keyboard.press(']');
  await expect(currentItem(page)).toContainText('Decisions');
  await page.keyboard.press('[');
  await expect(currentItem(page)).toContainText('Focus of the Meetings');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(currentItem(page)).toContainText('Decisions');

  const note = page.getByRole('textbox', { name: /^Note for/ });
  await note.click();
  await page.keyboard.type('[draft]');
  await expect(note).toContainText('[draft]');
  await expect(currentItem(page)).toContainText('Decisions');
});

test('a footnote reference jumps to the footnote and back', async ({ page, app }) => {
  await openSample(page, app.url);
  const reference = page.getByRole('link', { name: 'Footnote 1' });
  await reference.click();
  const footnote = page.locator('.footnote').filter({ hasText: /nuclear deterrence policy/ });
  await expect(footnote).toBeInViewport();
  await expect(footnote).toBeFocused();
  await footnote.getByRole('link', { name: /Back to reference/ }).click();
  await expect(reference).toBeInViewport();
});

test('placeholder links are inert; a real link opens only after the reader agrees', async ({
  page,
  app,
}) => {
  await openSample(page, app.url);
  const placeholder = page.locator('.link-inert').filter({ hasText: 'here' }).first();
  await expect(placeholder).toHaveAttribute('title', /Placeholder link/);
  expect(await placeholder.evaluate((element) => element.closest('a'))).toBeNull();

  await page.getByRole('button', { name: 'Library' }).click();
  await page.locator('input[type=file]').setInputFiles({
    name: 'links-and-scripts.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(
      [
        '# Links and scripts',
        '',
        '## Sources',
        '',
        'See [the statistics office](https://example.org/stats) for the series.',
        '',
        'مرحبا بالعالم: النص العربي يقرأ من اليمين إلى اليسار، مع GDP 2015 في الوسط.',
        '',
      ].join('\n'),
    ),
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Links and scripts' })).toBeVisible();
  const arabic = page.locator('.doc p').filter({ hasText: 'مرحبا' });
  expect(await arabic.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');

  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  let popups = 0;
  page.on('popup', () => popups++);
  await page.getByRole('link', { name: 'the statistics office' }).click();
  await expect.poll(() => dialogs).toEqual(['Open https://example.org/stats in your browser?']);
  expect(popups).toBe(0);
});
