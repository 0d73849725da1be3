import type { Locator, Page } from '@playwright/test';
import { corruptPages, rootPagesOf } from '../unit/helpers/corruptPages';
import { expect, test } from './fixtures/webMode';
import { briefIdTitled, callApi } from './helpers/callApi';
import { openSectionNote } from './helpers/openSectionNote';

const TITLE = /NATO DEFENCE MINISTERS' MEETING, 13-14 JUNE 2024/i;
const SECTION_II = 'II. ALLIED DETERRENCE AND DEFENCE';

async function openSample(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
}

const paragraph = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/** Saves the note of section II of the sample, as the notes panel would. */
async function saveNote(page: Page, text: string): Promise<void> {
  const briefId = await briefIdTitled(page, "NATO DEFENCE MINISTERS' MEETING");
  const brief = await callApi<{ sections: { id: string; heading: string }[] }>(page, 'briefs.get', {
    briefId,
  });
  const sectionId = brief.sections.find((section) => section.heading === SECTION_II)!.id;
  await callApi(page, 'notes.save', { briefId, sectionId, doc: paragraph(text) });
}

async function openBackups(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: /library/i }).click();
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  await page.getByRole('button', { name: 'Backups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Backups' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('a backup taken in the app brings a changed note back when restored', async ({
  page,
  app,
}) => {
  await openSample(page, app.url);
  await saveNote(page, 'Written before the backup.');

  let dialog = await openBackups(page);
  await dialog.getByRole('button', { name: 'Back up now' }).click();
  await expect(dialog.getByRole('status')).toContainText('Backed up:');
  const manual = dialog.getByRole('listitem').filter({ hasText: 'Manual' });
  await expect(manual).toHaveCount(1);
  await expect(manual).toContainText('1 brief');
  await dialog.screenshot({ path: test.info().outputPath('backups-dialog.png') });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  // Focus goes back to the button that opened the dialog.
  await expect(page.getByRole('button', { name: 'Backups…' })).toBeFocused();

  await saveNote(page, 'Written after the backup.');
  await page.getByRole('button', { name: 'Backups…' }).click();
  dialog = page.getByRole('dialog', { name: 'Backups' });
  await dialog
    .getByRole('listitem')
    .filter({ hasText: 'Manual' })
    .getByRole('button', { name: 'Restore…' })
    .click();
  await expect(dialog).toContainText('The library as it is now is saved as a backup first');
  // Cancelling is where focus starts: the safe choice.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.screenshot({ path: test.info().outputPath('backups-confirm.png') });
  await dialog.getByRole('button', { name: 'Restore backup' }).click();

  // The app reloads on the restored library and says what happened.
  await expect(
    page.getByRole('status').filter({ hasText: 'Restored the backup from' }),
  ).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'Restored the backup from' }),
  ).toContainText('restore that to undo this');
  await page.getByRole('button', { name: TITLE }).first().click();
  const editor = await openSectionNote(page, SECTION_II);
  await expect(editor).toHaveText('Written before the backup.');

  // The library as it was before the restore is one of the backups now.
  dialog = await openBackups(page);
  await expect(dialog.getByRole('listitem').filter({ hasText: 'Before restore' })).toHaveCount(1);
});

test('a damaged library opens on the recovery screen, and its newest good backup is restored', async ({
  page,
  app,
}) => {
  await openSample(page, app.url);
  const briefId = await briefIdTitled(page, "NATO DEFENCE MINISTERS' MEETING");
  // An older backup, without the note: listed below the one offered.
  await callApi(page, 'backups.create', {});
  await callApi(page, 'notes.save', {
    briefId,
    sectionId: null,
    doc: paragraph('Kept in the backup.'),
  });
  await callApi(page, 'backups.create', {});

  // A failing disk spoils the tables of briefs' sections and notes while Briefmark is closed.
  await app.restart(() => corruptPages(app.dbPath, rootPagesOf(app.dbPath, ['sections', 'notes'])));
  await page.goto(app.url);

  const heading = page.getByRole('heading', { level: 1, name: 'Your library could not be opened' });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  await expect(page.getByText(/The library at .*library\.sqlite3 is damaged/)).toBeVisible();
  const restore = page.getByRole('button', { name: /^Restore backup from / });
  await expect(restore).toBeVisible();
  const older = page.getByRole('region', { name: 'Older backups' }).getByRole('listitem');
  await expect(older).toHaveCount(1);
  await expect(older.getByRole('button', { name: 'Restore' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('recovery-screen.png'), fullPage: true });

  await restore.click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Restored the backup from' }),
  ).toContainText('The damaged library is kept as it was');
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  await expect(page.getByRole('button', { name: TITLE })).toBeVisible();
  const notes = await callApi<{ sectionId: string | null; doc: unknown }[]>(page, 'notes.list', {
    briefId,
  });
  expect(JSON.stringify(notes.find((note) => note.sectionId === null)?.doc)).toContain(
    'Kept in the backup.',
  );
});
