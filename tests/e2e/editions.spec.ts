import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/webMode';
import { paintedTexts, selectPassage } from './helpers/passages';

const projectRoot = join(import.meta.dirname, '..', '..');
const EDITION_2 = join(projectRoot, 'tests', 'fixtures', 'sample-brief-edition-2.txt');
const SAMPLE = join(projectRoot, 'resources', 'sample-brief.txt');
const TITLE = /NATO DEFENCE MINISTERS' MEETING/i;

/** Passages of the sample brief, each placed to meet one kind of change in edition 2. */
const PASSAGES = {
  // Right after the paragraph edition 2 inserts: same words, further down the section.
  afterInsertion: 'increasing transparency and accountability',
  // The sentence edition 2 rewords at the end of this passage.
  edited: 'annual support of EUR 40 billion per year for as long as it takes',
  // The paragraph about battlegroups that edition 2 deletes.
  deleted: 'doubled the number of battlegroups on the Eastern flank',
  // A section edition 2 leaves alone.
  unchanged: "the Netherlands's F-35 fighter jets were declared 'ready'",
  // A section edition 2 renames ("Towards a new …" → "A new Defence Industrial Pledge").
  renamed: 'increase production rates, making procurement more agile',
};

async function highlight(page: Page, phrase: string): Promise<void> {
  const before = (await paintedTexts(page)).length;
  await selectPassage(page, phrase);
  await expect(page.getByRole('toolbar', { name: 'Highlight the selection' })).toBeVisible();
  await page.keyboard.press('h');
  await expect.poll(async () => (await paintedTexts(page)).length).toBe(before + 1);
}

async function openSampleBrief(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
}

/** The header button that opens and closes the changes, in the notes' column. */
function changesButton(page: Page): Locator {
  return page.getByRole('button', { name: 'Changes', exact: true });
}

function changesHeading(page: Page): Locator {
  return page.getByRole('heading', { name: 'Changes in this edition' });
}

function toCheckList(page: Page): Locator {
  return page.getByTestId('changes-panel').locator('.changes-to-check > li');
}

/** Each passage is either painted where it now is or listed for review: none is lost. */
async function expectEveryPassageAccountedFor(page: Page): Promise<void> {
  const panel = page.getByTestId('changes-panel');
  await expect(panel).toBeVisible();
  const painted = await paintedTexts(page);
  const listed = await panel.getByTestId('edition-highlight').allTextContents();
  for (const phrase of Object.values(PASSAGES)) {
    const isPainted = painted.some((text) => text.includes(phrase.slice(0, 24)));
    const isListed = listed.some((text) => text.includes(phrase.slice(0, 24)));
    expect(isPainted || isListed, `“${phrase}” is painted or listed`).toBe(true);
  }
}

test('carries highlights over to a suggested new edition, marks what changed and keeps the review', async ({
  page,
  app,
}) => {
  test.setTimeout(60_000);
  await openSampleBrief(page, app.url);
  for (const phrase of Object.values(PASSAGES)) await highlight(page, phrase);

  await page.getByRole('button', { name: 'Library' }).click();
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  await page.locator('input[type=file]').setInputFiles(EDITION_2);

  const offer = page.getByTestId('edition-offer');
  await expect(offer).toContainText('looks like a new edition of');
  await expect(offer).toContainText('Carry its highlights and notes over?');
  // The offer takes the keyboard after a one-file import.
  await expect(offer.getByRole('button', { name: 'Carry over' })).toBeFocused();
  await page.keyboard.press('Enter');

  // The newer edition opens with a summary of what moved.
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const banner = page.getByTestId('edition-banner');
  await expect(banner).toContainText('Carried over 5 highlights');
  await expect(banner).toContainText('1 not found');
  await banner.getByRole('button', { name: 'Review changes' }).click();
  await expect(changesHeading(page)).toBeFocused();
  await expect(changesButton(page)).toHaveAttribute('aria-pressed', 'true');
  // The changes take the notes' column; the notes are back once they close.
  await expect(page.getByRole('complementary', { name: 'Notes' })).toBeHidden();

  await expectEveryPassageAccountedFor(page);
  const deleted = page
    .getByTestId('edition-highlight')
    .filter({ hasText: 'doubled the number of battlegroups' });
  await expect(deleted).toContainText('Not found');
  await expect(deleted).toContainText("Implementation of NATO's new defence plans");
  await expect(deleted.locator('mark')).toHaveText(PASSAGES.deleted);

  // Highlights found with the same words elsewhere are listed apart, folded: nothing to doubt.
  const movedGroup = page.getByRole('button', { name: /^Moved, same words/ });
  await expect(movedGroup).toHaveAttribute('aria-expanded', 'false');
  await movedGroup.click();
  // "Show" goes to where a moved highlight landed, with its popover; Escape comes back.
  const moved = page.getByTestId('edition-highlight').filter({ hasText: 'Moved' });
  await moved.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByRole('dialog', { name: /highlight/i })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: /highlight/i })).toBeHidden();
  await expect(moved.getByRole('button', { name: 'Show' })).toBeFocused();

  // The sections edition 2 changed are marked in the outline and beside their headings.
  const outline = page.getByRole('navigation', { name: /outline/i });
  for (const name of [
    'Long-term financial commitment',
    "Implementation of NATO's new defence plans",
    'The NATO Security Assistance and Training for Ukraine',
  ]) {
    await expect(
      outline.getByRole('treeitem', { name: new RegExp(`^${name}.*Changed in this edition`) }),
    ).toBeVisible();
  }
  await expect(
    outline.getByRole('treeitem', {
      name: /^Outcome of the Washington Summit.*New in this edition/,
    }),
  ).toBeVisible();
  await expect(
    outline.getByRole('treeitem', { name: /^NATO Nuclear Posture and Adaptation$/ }),
  ).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Long-term financial commitment' }),
  ).toHaveAccessibleDescription('Changed in this edition');

  // "Looks right" takes a highlight off the list to check, into "Checked".
  const toCheck = await toCheckList(page).count();
  const placed = toCheckList(page).filter({
    has: page.getByRole('button', { name: 'Looks right' }),
  });
  const first = placed.first();
  const firstId = await first.getAttribute('data-highlight-id');
  await first.getByRole('button', { name: 'Looks right' }).click();
  await expect(toCheckList(page)).toHaveCount(toCheck - 1);
  await expect(page.locator(`.changes-to-check > [data-highlight-id="${firstId}"]`)).toHaveCount(0);
  const checked = page.getByRole('button', { name: /^Checked/ });
  await expect(checked).toHaveAttribute('aria-expanded', 'false');

  // Escape closes the changes: the notes come back and the keyboard goes to the button.
  await changesHeading(page).focus();
  await page.keyboard.press('Escape');
  await expect(changesHeading(page)).toBeHidden();
  await expect(page.getByRole('complementary', { name: 'Notes' })).toBeVisible();
  await expect(changesButton(page)).toBeFocused();
  await expect(changesButton(page)).toHaveAttribute('aria-pressed', 'false');

  // A reload keeps it all: the review, what was checked and the marks.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByTestId('edition-banner')).toContainText('New edition');
  await expect(page.getByTestId('edition-banner')).toContainText(
    `${toCheck - 1} highlight${toCheck - 1 === 1 ? '' : 's'} to check`,
  );
  await page.getByTestId('edition-banner').getByRole('button', { name: 'Review' }).click();
  await expect(toCheckList(page)).toHaveCount(toCheck - 1);
  await expectEveryPassageAccountedFor(page);
  await page.getByRole('button', { name: /^Checked/ }).click();
  await expect(page.locator(`.changes-checked > [data-highlight-id="${firstId}"]`)).toBeVisible();
  await expect(outline.getByTestId('outline-change')).toHaveCount(5);

  // Quoting a highlight while the changes cover the notes brings the note, with the quote, back.
  await page.getByRole('button', { name: /^Moved, same words/ }).click();
  await page
    .getByTestId('edition-highlight')
    .filter({ hasText: 'Moved' })
    .getByRole('button', { name: 'Show' })
    .click();
  await page
    .getByRole('dialog', { name: /highlight/i })
    .getByRole('button', { name: 'Quote into note' })
    .click();
  await expect(changesHeading(page)).toBeHidden();
  await expect(changesButton(page)).toHaveAttribute('aria-pressed', 'false');
  const notesColumn = page.getByRole('complementary', { name: 'Notes' });
  await expect(notesColumn).toBeVisible();
  await expect(notesColumn.locator('.ProseMirror blockquote')).toContainText(
    PASSAGES.afterInsertion,
  );

  // Only one brief is in the library now: the older edition left the list.
  await page.getByRole('button', { name: 'Library' }).click();
  await expect(page.getByText('1 brief', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: TITLE })).toHaveAccessibleDescription(
    /Replaces an earlier edition/,
  );
});

test('imports a chosen file as the new edition from the brief’s details, and refuses the same file', async ({
  page,
  app,
}) => {
  await openSampleBrief(page, app.url);
  await highlight(page, PASSAGES.unchanged);
  await highlight(page, PASSAGES.deleted);

  // The same file is no new edition: said so, and nothing changes.
  await page.getByRole('button', { name: 'Details…' }).click();
  let chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import new edition…' }).click();
  await (await chooser).setFiles(SAMPLE);
  const alert = page.getByRole('alert').filter({ hasText: 'This is the same edition' });
  await expect(alert).toContainText('sample-brief.txt');
  await alert.getByRole('button', { name: 'Dismiss' }).click();

  await page.getByRole('button', { name: 'Details…' }).click();
  chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import new edition…' }).click();
  await (await chooser).setFiles(EDITION_2);

  const banner = page.getByTestId('edition-banner');
  await expect(banner).toContainText('Carried over 2 highlights: 1 in place and 1 not found.');
  await expect(changesButton(page)).toBeVisible();
  await expect.poll(() => paintedTexts(page)).toContain(PASSAGES.unchanged);
  await expect(
    page.getByRole('navigation', { name: /outline/i }).getByTestId('outline-change'),
  ).toHaveCount(5);
});
