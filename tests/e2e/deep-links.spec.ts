import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parseBriefmarkHref } from '../../src/shared/briefmarkLink';
import { expect, test } from './fixtures/webMode';
import { briefIdTitled, callApi } from './helpers/callApi';
import { painted, passageInView, selectPassage } from './helpers/passages';

const corpus = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
const GAO_BRIEF = join(corpus, 'gao-07-791-reexamining-regulations-retrospective-reviews.md');
const GAO_TITLE = /Agencies Need to Establish Comprehensive Policies/;
const TITLE = /NATO DEFENCE MINISTERS' MEETING, 13-14 JUNE 2024/i;
const SECTION_II = 'ii-allied-deterrence-and-defence';
const PASSAGE = 'These show 23 Allies meeting the 2% target in 2024';
const COMMENT = 'Compare with the 2014 baseline.';

interface Highlighted {
  briefId: string;
  highlightId: string;
  /** The highlight's link as the Markdown export writes it. */
  link: string;
}

/**
 * Opens the sample brief, highlights the passage with a comment, exports the brief and takes
 * the passage's link out of the Markdown; then scrolls back to the top, so the passage is out
 * of view where the reader would reopen.
 */
async function highlightAndExport(page: Page, url: string): Promise<Highlighted> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await selectPassage(page, PASSAGE);
  await page
    .getByRole('toolbar', { name: 'Highlight the selection' })
    .getByRole('button', { name: 'Key point' })
    .click();
  await expect.poll(() => painted(page, 'key-point')).toContain(PASSAGE);
  const briefId = await briefIdTitled(page, 'NATO DEFENCE');
  const [highlight] = await callApi<{ id: string }[]>(page, 'highlights.list', { briefId });
  await callApi(page, 'highlights.update', { highlightId: highlight!.id, comment: COMMENT });

  const { markdown } = await callApi<{ markdown: string }>(page, 'export.markdown', { briefId });
  const links = [...markdown.matchAll(/\[open in Briefmark\]\((briefmark:\/\/[^)\s]+)\)/g)];
  expect(links).toHaveLength(1);
  const link = links[0]![1]!;
  expect(parseBriefmarkHref(link)).toEqual({
    briefId,
    sectionId: SECTION_II,
    highlightId: highlight!.id,
  });

  await page.locator('.reader-main').evaluate((pane) => (pane.scrollTop = 0));
  expect(await passageInView(page, PASSAGE)).toBe(false);
  // Saved once the scroll settles: reopening the brief alone would not show the passage.
  await expect
    .poll(
      async () =>
        (await callApi<{ sectionId: string } | null>(page, 'reading.position', { briefId }))
          ?.sectionId,
    )
    .not.toBe(SECTION_II);
  return { briefId, highlightId: highlight!.id, link };
}

/** Web mode's address for a link, for a tab that already has the token. */
function openAddress(origin: string, link: string): string {
  return `${origin}/#open=${encodeURIComponent(link)}`;
}

async function expectHighlightShown(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const popover = page.getByTestId('highlight-popover');
  await expect(popover).toBeVisible();
  await expect(popover).toContainText('Key point highlight');
  await expect(popover.getByRole('textbox', { name: 'Comment' })).toHaveValue(COMMENT);
  expect(await passageInView(page, PASSAGE)).toBe(true);
}

async function importGaoBrief(page: Page) {
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.locator('input[type=file]').setInputFiles(GAO_BRIEF);
  await expect(page.getByRole('heading', { level: 1, name: GAO_TITLE })).toBeVisible();
}

test('a link from the Markdown export opens the brief at its highlight, popover open', async ({
  page,
  app,
}) => {
  const { link } = await highlightAndExport(page, app.url);

  // A first visit: the printed address with the link after the token.
  await page.goto('about:blank');
  await page.goto(`${app.url}&open=${encodeURIComponent(link)}`);
  await expectHighlightShown(page);
  // Both the token and the link are gone from the address bar.
  expect(new URL(page.url()).hash).toBe('');
  await page.screenshot({ path: test.info().outputPath('opened-light.png') });

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('about:blank');
  await page.goto(openAddress(app.origin, link));
  await expectHighlightShown(page);
  await page.screenshot({ path: test.info().outputPath('opened-dark.png') });

  // A reload opens the brief as it was left, without following the link again.
  await page.getByTestId('highlight-popover').getByRole('textbox', { name: 'Comment' }).focus();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('highlight-popover')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.locator('.reader-main article')).toBeVisible();
  await page.waitForTimeout(300);
  await expect(page.getByTestId('highlight-popover')).toHaveCount(0);
});

test('a link switches to its brief from another brief, from the library and at start', async ({
  page,
  app,
}) => {
  const { link } = await highlightAndExport(page, app.url);
  await importGaoBrief(page);

  // While another brief is open: the address changes only its fragment.
  await page.goto(openAddress(app.origin, link));
  await expectHighlightShown(page);
  await expect(page.getByRole('heading', { level: 1, name: GAO_TITLE })).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('');

  // With the library showing.
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  await page.goto(openAddress(app.origin, link));
  await expectHighlightShown(page);

  // At start, in place of the brief last open in this tab.
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByRole('button', { name: GAO_TITLE }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: GAO_TITLE })).toBeVisible();
  await page.goto('about:blank');
  await page.goto(openAddress(app.origin, link));
  await expectHighlightShown(page);
});

test('a note’s link to a highlight in another brief opens that brief at the highlight', async ({
  page,
  app,
}) => {
  const { link } = await highlightAndExport(page, app.url);
  await importGaoBrief(page);
  const notes = page.getByRole('complementary', { name: 'Notes' });
  await notes.getByRole('tab', { name: 'Whole brief' }).click();
  const note = page.getByRole('textbox', { name: 'Note for the whole brief' });
  await note.click();
  await page.keyboard.type('The NATO figures');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('ControlOrMeta+k');
  const dialog = page.getByRole('dialog', { name: 'Add link' });
  await dialog.getByLabel('Address').fill(link);
  await dialog.getByRole('button', { name: 'Add link' }).click();
  await expect(note.locator('a')).toHaveAttribute('href', link);
  await expect(page.getByTestId('note-status')).toHaveText('Saved');

  await note.locator('a').click({ modifiers: ['ControlOrMeta'] });
  await expectHighlightShown(page);
  await expect(page.getByText('That link goes to a highlight in another brief.')).toHaveCount(0);
});

test('a link to a deleted highlight opens its section and says what is missing', async ({
  page,
  app,
}) => {
  const { link, highlightId } = await highlightAndExport(page, app.url);
  await callApi(page, 'highlights.delete', { highlightId });
  await importGaoBrief(page);

  await page.goto(openAddress(app.origin, link));
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const alert = page.getByRole('alert').filter({ hasText: 'Highlight not found' });
  await expect(alert).toContainText(
    'That highlight is no longer in the brief; this is the section it was in.',
  );
  await expect(
    page
      .locator('.reader-main')
      .getByRole('heading', { name: /^II\. Allied Deterrence and Defence$/i }),
  ).toBeInViewport();
  await expect(page.getByTestId('highlight-popover')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('section-note-light.png') });
});

test('a malformed link in the address does nothing harmful, and the app opens as usual', async ({
  page,
  app,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const refusal = page.getByRole('alert').filter({ hasText: 'This link could not be opened' });

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${app.url}&open=${encodeURIComponent('briefmark://evil')}`);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(refusal).toContainText('briefmark://brief/…/section/…#h-…');
  await page.screenshot({ path: test.info().outputPath('refused-dark.png') });
  expect(new URL(page.url()).hash).toBe('');
  await refusal.getByRole('button', { name: 'Dismiss' }).click();

  for (const open of [
    encodeURIComponent('javascript:alert(1)'),
    '%E0%A4%A',
    encodeURIComponent('briefmark://brief/x/section/%2Fetc%2Fpasswd#h-y'),
    encodeURIComponent('https://example.org/'),
  ]) {
    await page.goto(`${app.origin}/#open=${open}`);
    await expect(refusal).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    expect(new URL(page.url()).hash).toBe('');
    await refusal.getByRole('button', { name: 'Dismiss' }).click();
  }
  // A well-formed link to a brief this library does not have is refused with the reason.
  await page.goto(
    openAddress(
      app.origin,
      'briefmark://brief/6f1d2c3b-0000-4000-8000-000000000000/section/decisions#h-1b2c',
    ),
  );
  await expect(refusal).toContainText('not in this library');
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  expect(page.url().startsWith(app.origin)).toBe(true);
  expect(dialogs).toEqual([]);
});
