import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/webMode';
import { headingTop } from './helpers/headingTop';
import { importLongBrief, LONG_BRIEF_TITLE as TITLE } from './helpers/importLongBrief';

// The German coalition agreement: 34 long sections, 428,000 characters. The reader mounts it a
// screenful first and the rest over the following frames.
const FIRST_SECTION = 'Einleitung';
const LATE_SECTION = 'Integration, Migration, Flucht';
const LAST_SECTION = 'IX. Arbeitsweise der Regierung und Fraktionen';

const article = (page: Page) => page.locator('article.doc');
const outline = (page: Page) => page.getByRole('navigation', { name: /outline/i });
const currentItem = (page: Page) =>
  outline(page).locator('[role="treeitem"][aria-current="location"]');

/** The top of the section with this heading relative to the document pane: 0 after a jump. */
function sectionTop(page: Page, name: string): Promise<number> {
  return page.locator('.reader-main').evaluate(
    (main, text) =>
      [...main.querySelectorAll('h2, h3, h4')]
        .find((heading) => heading.textContent === text)!
        .closest('section')!
        .getBoundingClientRect().top - main.getBoundingClientRect().top,
    name,
  );
}

test('a long brief shows its start at once, and a jump to its end works before it is all in', async ({
  page,
  app,
}) => {
  // Throttled eightfold, mounting takes a while; on a busy machine longer still.
  test.setTimeout(120_000);
  await importLongBrief(page, app.url);
  await expect(article(page)).toHaveAttribute('data-complete', 'true');
  await page.getByRole('button', { name: 'Library', exact: true }).click();

  // A slow machine: mounting the rest takes long enough to jump in the middle of it.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  await page.getByRole('button', { name: TITLE }).click();
  await expect(page.getByRole('heading', { name: FIRST_SECTION })).toBeVisible();
  await expect(article(page)).not.toHaveAttribute('data-complete', 'true');
  await expect(page.getByRole('heading', { name: LAST_SECTION })).toHaveCount(0);

  await outline(page).getByText(LAST_SECTION, { exact: true }).click();
  await expect(page.getByRole('heading', { name: LAST_SECTION })).toBeFocused();
  expect(Math.abs(await sectionTop(page, LAST_SECTION))).toBeLessThan(2);
  await expect(currentItem(page)).toContainText(LAST_SECTION);

  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await expect(article(page)).toHaveAttribute('data-complete', 'true', { timeout: 30_000 });
  expect(await page.locator('article.doc > section[data-section-id]').count()).toBe(34);
  // Sections mounted above the reader did not move what they were reading.
  expect(Math.abs(await sectionTop(page, LAST_SECTION))).toBeLessThan(2);
});

test('the outline follows scrolling into sections mounted after opening', async ({ page, app }) => {
  await importLongBrief(page, app.url);
  await expect(currentItem(page)).toContainText(FIRST_SECTION);
  await expect(article(page)).toHaveAttribute('data-complete', 'true');
  await page
    .getByRole('heading', { name: LATE_SECTION })
    .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
  await expect(currentItem(page)).toContainText(LATE_SECTION);
});

test('reopens a long brief at a saved position far down, and keeps it while the rest mounts', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  await importLongBrief(page, app.url);
  await outline(page).getByText(LATE_SECTION, { exact: true }).click();
  // 120 px into the section, so the position is not just its heading.
  await page.locator('.reader-main').evaluate((main) => (main.scrollTop += 120));
  const before = await headingTop(page, LATE_SECTION);
  // Saving is debounced; the pause lets it land.
  await page.waitForTimeout(900);

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  await page.reload();
  await expect(page.getByRole('heading', { name: LATE_SECTION })).toBeVisible();
  expect(Math.abs((await headingTop(page, LATE_SECTION)) - before)).toBeLessThan(4);
  await expect(article(page)).not.toHaveAttribute('data-complete', 'true');

  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await expect(article(page)).toHaveAttribute('data-complete', 'true', { timeout: 30_000 });
  expect(await page.locator('article.doc > section[data-section-id]').count()).toBe(34);
  expect(Math.abs((await headingTop(page, LATE_SECTION)) - before)).toBeLessThan(4);
  await expect(currentItem(page)).toContainText(LATE_SECTION);
});
