import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures/webMode';

const TITLE = /NATO DEFENCE MINISTERS' MEETING/i;

test('edits the brief details, shows them everywhere and exports them', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await page.getByRole('button', { name: 'Details…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Brief details' });
  await expect(dialog.getByLabel('Reference')).toHaveValue('128 SPE 24 E');

  await dialog.getByLabel('Date').fill('June 2024');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('YYYY, YYYY-MM or YYYY-MM-DD');

  await dialog.getByLabel('Date').fill('2024-06-14');
  await dialog.getByLabel('Title', { exact: true }).fill('Defence Ministers: Key Takeaways');
  await dialog.getByLabel('Tags').fill('nato, ukraine');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Defence Ministers: Key Takeaways' }),
  ).toBeVisible();

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: /export/i }).click();
  await page
    .getByRole('dialog', { name: 'Export as Markdown' })
    .getByRole('button', { name: 'Save…' })
    .click();
  const markdown = readFileSync((await (await downloadPromise).path())!, 'utf8');
  expect(markdown).toContain('title: "Defence Ministers: Key Takeaways"');
  expect(markdown).toContain('date: 2024-06-14');
  expect(markdown).toMatch(/tags: \[nato, ukraine\]|tags:\n {2}- nato\n {2}- ukraine/);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: /library/i }).click();
  await expect(
    page.getByRole('button', { name: 'Defence Ministers: Key Takeaways' }),
  ).toBeVisible();
});
