import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/webMode';

const corpus = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
const TITLE = /NATO DEFENCE MINISTERS' MEETING/i;

async function openLibrary(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await page.getByRole('button', { name: /library/i }).click();
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
}

test('imports a Markdown brief from the file picker and opens it', async ({ page, app }) => {
  await openLibrary(page, app.url);
  await page
    .locator('input[type=file]')
    .setInputFiles(join(corpus, 'gao-07-791-reexamining-regulations-retrospective-reviews.md'));
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: /Agencies Need to Establish Comprehensive Policies/,
    }),
  ).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: /outline/i }).getByText('Highlights'),
  ).toBeVisible();
});

test('reports each file that cannot be imported by name and reason, and imports the rest', async ({
  page,
  app,
}) => {
  await openLibrary(page, app.url);
  await page.locator('input[type=file]').setInputFiles([
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    {
      name: 'slides.pptx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('PK\u0003\u0004'),
    },
    {
      name: 'dia-2025-digital-infrastructure-alliance-brief.md',
      mimeType: 'text/markdown',
      buffer: readFileSync(join(corpus, 'dia-2025-digital-infrastructure-alliance-brief.md')),
    },
  ]);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('2 files could not be imported');
  await expect(alert).toContainText('empty.txt');
  await expect(alert).toContainText('is empty (0 bytes)');
  await expect(alert).toContainText('slides.pptx');
  await expect(alert).toContainText('PowerPoint presentation');
  await expect(page.getByRole('button', { name: 'Digital Infrastructure Alliance' })).toBeVisible();
  await expect(page.getByText('2 briefs')).toBeVisible();
});

test('shows the page being read during a long PDF import, and cancels it cleanly', async ({
  page,
  app,
}) => {
  test.setTimeout(90_000);
  await openLibrary(page, app.url);
  await page
    .locator('input[type=file]')
    .setInputFiles(join(corpus, 'worldbank-tunisia-systematic-country-diagnostic-2015.pdf'));
  const progress = page.getByRole('status').filter({ hasText: 'Importing' });
  await expect(progress).toContainText('worldbank-tunisia-systematic-country-diagnostic-2015.pdf');
  await expect(progress).toContainText(/page \d+ of 172/, { timeout: 30_000 });
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(
    page.getByText('Import cancelled; nothing was added to your library.'),
  ).toBeVisible();
  await expect(page.getByText('1 brief', { exact: true })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('imports a PDF brief and opens it with its sections', async ({ page, app }) => {
  test.setTimeout(60_000);
  await openLibrary(page, app.url);
  await page
    .locator('input[type=file]')
    .setInputFiles(join(corpus, 'crs-legal-sidebar-lsb11421-v1-esa-god-squad-exemption.pdf'));
  const outline = page.getByRole('navigation', { name: /outline/i });
  await expect(outline).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('LSB11421').first()).toBeVisible();
});

test('refuses a scanned PDF with a message that says it has no text', async ({ page, app }) => {
  test.setTimeout(60_000);
  await openLibrary(page, app.url);
  await page
    .locator('input[type=file]')
    .setInputFiles(join(corpus, 'jfk-nara-176-10011-10152-special-group-minutes-1961-scanned.pdf'));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    'jfk-nara-176-10011-10152-special-group-minutes-1961-scanned.pdf',
    {
      timeout: 30_000,
    },
  );
  await expect(alert).toContainText(/no text|scanned/i);
});
