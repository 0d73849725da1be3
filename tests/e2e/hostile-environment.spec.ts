import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/webMode';
import { openSectionNote } from './helpers/openSectionNote';
import { painted, selectPassage } from './helpers/passages';
import { canMountTmpfs } from '../unit/helpers/canMountTmpfs';
import { makeFileReadOnly } from '../unit/helpers/readOnlyFiles';

const TITLE = /NATO DEFENCE MINISTERS' MEETING, 13-14 JUNE 2024/i;
const SECTION_II = 'II. ALLIED DETERRENCE AND DEFENCE';
const PASSAGE = 'These show 23 Allies meeting the 2% target in 2024';

// Each test restarts web mode twice or three times.
test.describe.configure({ timeout: 120_000 });

async function openBriefFromLibrary(page: Page, url: string) {
  await page.goto(url);
  // A restarted web mode listens on a new port: a new origin, so the library list shows first.
  const heading = page.getByRole('heading', { level: 1, name: TITLE });
  const inList = page.getByRole('button', { name: TITLE });
  await expect(heading.or(inList)).toBeVisible();
  if (await inList.isVisible()) await inList.click();
  await expect(heading).toBeVisible();
}

test('a read-only library opens for reading, says so, and keeps on screen what could not be saved', async ({
  page,
  app,
}) => {
  await openBriefFromLibrary(page, app.url);
  const status = page.getByTestId('note-status');
  await openSectionNote(page, SECTION_II);
  await page.keyboard.type('Written while the library could be saved to.');
  await expect(status).toHaveText('Saved');

  let undo = () => {};
  await app.restart(() => {
    undo = makeFileReadOnly(app.dbPath);
  });
  try {
    await openBriefFromLibrary(page, app.url);
    const notice = page.getByTestId('read-only-notice');
    await expect(notice).toContainText('This library is read-only');
    await expect(notice).toContainText(
      `The library at ${app.dbPath} is read-only, so Briefmark opened it for reading`,
    );

    const editor = await openSectionNote(page, SECTION_II);
    await expect(editor).toContainText('Written while the library could be saved to.');
    await page.keyboard.press('End');
    await page.keyboard.type(' Typed while it is read-only.');
    await expect(status).toHaveText(
      `Briefmark can't save to the library at ${app.dbPath} because the file is read-only. ` +
        'Your change was not saved; you can still read and export. To make changes, make the ' +
        'file writable and restart Briefmark. The note stays here, and Briefmark keeps trying to save it.',
    );
    await expect(status).toHaveAttribute('role', 'alert');
    // Another section and back: the refused text is still what the editor shows.
    await openSectionNote(page, 'Focus of the Meetings');
    await openSectionNote(page, SECTION_II);
    await expect(editor).toContainText('Typed while it is read-only.');
    await expect(status).toContainText('because the file is read-only');

    // A highlight the library refused is not painted as if it were kept.
    await selectPassage(page, PASSAGE);
    await page
      .getByRole('toolbar', { name: 'Highlight the selection' })
      .getByRole('button', { name: 'Evidence' })
      .click();
    const failure = page.getByRole('alert').filter({ hasText: 'The highlight could not be saved' });
    await expect(failure).toContainText('because the file is read-only');
    expect(await painted(page, 'evidence')).toEqual([]);
    await page.screenshot({ path: test.info().outputPath('read-only-library.png') });
  } finally {
    await app.restart(undo);
  }
});

test('a full disk: the note stays, the message says why, and it is saved once there is room', async ({
  page,
  app,
}) => {
  test.skip(!canMountTmpfs(), 'needs root with permission to mount a tmpfs (a real full disk)');
  const folder = dirname(app.dbPath);
  const kept = mkdtempSync(join(tmpdir(), 'briefmark-library-kept-'));
  // The library moves onto a 4 MB disk of its own, mounted where it was.
  await app.restart(() => {
    copyFileSync(app.dbPath, join(kept, basename(app.dbPath)));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', folder]);
    copyFileSync(join(kept, basename(app.dbPath)), app.dbPath);
  });
  try {
    await openBriefFromLibrary(page, app.url);
    const editor = await openSectionNote(page, SECTION_II);
    const status = page.getByTestId('note-status');

    // Another program fills the disk to the last block.
    const filler = join(folder, 'filler.bin');
    const { bavail, bsize } = statfsSync(folder);
    writeFileSync(filler, Buffer.alloc(Number(bavail) * Number(bsize)));

    await page.keyboard.type('Typed when the disk had no room left.');
    await expect(status).toHaveText(
      `Briefmark can't save to the library at ${app.dbPath} because the disk is full. ` +
        'Your change was not saved; free some space on that disk and try again. ' +
        'The note stays here, and Briefmark keeps trying to save it.',
    );
    await expect(editor).toContainText('Typed when the disk had no room left.');
    await page.screenshot({ path: test.info().outputPath('disk-full-note.png') });

    // Space freed: the next automatic try saves the note, and a reload shows it.
    rmSync(filler);
    await expect(status).toHaveText('Saved', { timeout: 15_000 });
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    const reloaded = await openSectionNote(page, SECTION_II);
    await expect(reloaded).toContainText('Typed when the disk had no room left.');
  } finally {
    // The fixture removes the folder once web mode stops: it must be a folder again by then.
    await app.restart(() => {
      execFileSync('umount', [folder]);
      rmSync(kept, { recursive: true, force: true });
    });
  }
});
