import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

/** The German coalition agreement: 34 long sections, which the reader mounts over several frames. */
export const LONG_BRIEF = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'shared',
  'corpus',
  'de-koalitionsvertrag-2021-2025-full-text-pdf2md.md',
);
export const LONG_BRIEF_TITLE = 'MEHR FORTSCHRITT WAGEN';

/** Imports the long brief from the library, which opens it. */
export async function importLongBrief(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.locator('input[type=file]').setInputFiles(LONG_BRIEF);
  await expect(page.getByRole('heading', { level: 1, name: LONG_BRIEF_TITLE })).toBeVisible();
}
