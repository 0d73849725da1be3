import { expect, test } from './fixtures/webMode';
import { headingTop } from './helpers/headingTop';

const TITLE = /NATO DEFENCE MINISTERS' MEETING, 13-14 JUNE 2024/i;
const SECTION = 'NATO Nuclear Posture and Adaptation';

test('reopens the brief where the reader left it, after a reload and from the library', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const heading = page.getByRole('heading', { name: SECTION });
  await heading.scrollIntoViewIfNeeded();
  // Scroll the section's heading to 120 px below the top of the document pane.
  await page.locator('.reader-main').evaluate((main, name) => {
    const target = [...main.querySelectorAll('h2, h3, h4')].find((h) => h.textContent === name)!;
    main.scrollTop += target.getBoundingClientRect().top - main.getBoundingClientRect().top - 120;
  }, SECTION);
  const headingOffset = () => headingTop(page, SECTION);
  const before = await headingOffset();
  // Saving is debounced; the pause lets it land.
  await page.waitForTimeout(900);

  await page.reload();
  await expect(heading).toBeVisible();
  expect(Math.abs((await headingOffset()) - before)).toBeLessThan(4);

  await page.getByRole('button', { name: 'Library' }).click();
  await expect(page.getByText(/Last opened/)).toBeVisible();
  await page.getByRole('button', { name: TITLE }).click();
  await expect(heading).toBeVisible();
  expect(Math.abs((await headingOffset()) - before)).toBeLessThan(4);
});
