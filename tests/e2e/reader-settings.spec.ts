import { expect, test } from './fixtures/webMode';

const TITLE = /NATO DEFENCE MINISTERS' MEETING, 13-14 JUNE 2024/i;

test('theme, text size and line width apply at once and survive a reload and a restart', async ({
  page,
  app,
}) => {
  // Wide enough that the line width, not the window, limits the column.
  await page.setViewportSize({ width: 1800, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const html = page.locator('html');
  const paragraph = page.locator('.doc-section p').first();
  const pageColour = () =>
    page.locator('.reader-main').evaluate((element) => getComputedStyle(element).backgroundColor);
  const lightBackground = await pageColour();
  await expect(html).not.toHaveAttribute('data-theme');

  await page.getByRole('button', { name: 'Reading settings' }).click();
  const panel = page.getByRole('dialog', { name: 'Reading settings' });
  await panel.getByRole('radio', { name: 'Sepia' }).click();
  await expect(html).toHaveAttribute('data-theme', 'sepia');
  expect(await pageColour()).not.toBe(lightBackground);

  const sizeBefore = await paragraph.evaluate((element) => getComputedStyle(element).fontSize);
  expect(sizeBefore).toBe('18px');
  await panel.getByRole('button', { name: 'Larger text' }).click();
  await panel.getByRole('button', { name: 'Larger text' }).click();
  await expect(panel.getByText('20 px')).toBeVisible();
  await expect
    .poll(() => paragraph.evaluate((element) => getComputedStyle(element).fontSize))
    .toBe('20px');

  const docWidth = () =>
    page.locator('.doc').evaluate((element) => element.getBoundingClientRect().width);
  const mediumWidth = await docWidth();
  await panel.getByRole('radio', { name: 'Narrow' }).click();
  await expect.poll(docWidth).toBeLessThan(mediumWidth);

  // Arrow keys move within a radio group, as in native ones.
  await panel.getByRole('radio', { name: 'Sepia' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(panel.getByRole('radio', { name: 'System' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await page.keyboard.press('ArrowLeft');
  await expect(html).toHaveAttribute('data-theme', 'sepia');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(page.getByRole('button', { name: 'Reading settings' })).toBeFocused();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(html).toHaveAttribute('data-theme', 'sepia');
  await expect
    .poll(() => paragraph.evaluate((element) => getComputedStyle(element).fontSize))
    .toBe('20px');

  // A new browser profile has no cached copy: the library's stored settings must win.
  await app.restart();
  const fresh = await page.context().browser()!.newContext();
  const other = await fresh.newPage();
  await other.goto(app.url);
  await expect(other.locator('html')).toHaveAttribute('data-theme', 'sepia');
  await fresh.close();
});

test('the system theme follows the operating system', async ({ page, app }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const colour = () =>
    page.locator('.reader-main').evaluate((element) => getComputedStyle(element).backgroundColor);
  const dark = await colour();
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(colour).not.toBe(dark);
});
