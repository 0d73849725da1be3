import type { Page } from '@playwright/test';
import type { HighlightRole } from '../../src/shared/highlights';
import { expect, test } from './fixtures/webMode';
import { clickPainted, painted, selectPassage } from './helpers/passages';

const TITLE = /NATO DEFENCE MINISTERS' MEETING, 13-14 JUNE 2024/i;
const SECTION_II = 'II. ALLIED DETERRENCE AND DEFENCE';
const PHRASE = 'NATO has already doubled the number of battlegroups';

/** Teal's paint in the light and dark themes (styles/highlights.css), as computed styles say. */
const TEAL_LIGHT = 'rgb(191, 232, 227)';
const TEAL_DARK = 'rgb(23, 72, 74)';
const BLUE_LIGHT = 'rgb(199, 222, 249)';

async function openSectionII(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await page
    .getByRole('navigation', { name: /outline/i })
    .getByText(SECTION_II, { exact: true })
    .click();
}

/** The paint of a role as the page resolves it now, from the role's own CSS variable. */
function rolePaint(page: Page, role: HighlightRole): Promise<string> {
  return page.evaluate((role) => {
    const probe = document.createElement('span');
    probe.style.setProperty('background-color', `var(--hl-${role})`);
    document.body.append(probe);
    const colour = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return colour;
  }, role);
}

const swatchDotColour = (page: Page, name: string) =>
  page
    .getByRole('toolbar', { name: 'Highlight the selection' })
    .getByRole('button', { name, exact: true })
    .locator('.hl-swatch-dot')
    .evaluate((dot) => getComputedStyle(dot).backgroundColor);

async function openEditor(page: Page) {
  await page.getByRole('button', { name: 'Reading settings' }).click();
  await page
    .getByRole('dialog', { name: 'Reading settings' })
    .getByRole('button', { name: 'Highlight colours…' })
    .click();
  const editor = page.getByRole('dialog', { name: 'Highlight colours' });
  await expect(editor).toBeVisible();
  return editor;
}

test('a renamed, recoloured role shows its name and colour everywhere and keeps them', async ({
  page,
  app,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openSectionII(page, app.url);
  expect(await rolePaint(page, 'question')).toBe(BLUE_LIGHT);

  const editor = await openEditor(page);
  await editor
    .getByRole('group', { name: 'Question' })
    .getByRole('textbox', { name: 'Name' })
    .fill('Follow up');
  // The row is named after the role's saved name, so it follows the rename.
  const row = editor.getByRole('group', { name: 'Follow up' });
  await row.getByRole('radio', { name: 'Teal' }).click();
  await expect(row.getByRole('radio', { name: 'Teal' })).toHaveAttribute('aria-checked', 'true');
  await expect(row.getByRole('radio', { name: 'Blue' })).toHaveAttribute('aria-checked', 'false');
  await expect(editor.getByRole('status')).toHaveText('Saved');
  // The preview and the page behind follow at once.
  await expect(editor.locator('mark[title="Follow up"]')).toHaveCSS('background-color', TEAL_LIGHT);
  expect(await rolePaint(page, 'question')).toBe(TEAL_LIGHT);

  await editor.getByRole('button', { name: 'Done' }).click();
  await expect(editor).toBeHidden();
  await expect(page.getByRole('button', { name: 'Reading settings' })).toBeFocused();

  // The selection toolbar names and paints the role the new way.
  await selectPassage(page, PHRASE);
  const toolbar = page.getByRole('toolbar', { name: 'Highlight the selection' });
  await expect(toolbar).toBeVisible();
  await expect(toolbar.getByRole('button', { name: 'Question' })).toHaveCount(0);
  expect(await swatchDotColour(page, 'Follow up')).toBe(TEAL_LIGHT);
  await toolbar.getByRole('button', { name: 'Follow up' }).click();
  await expect.poll(() => painted(page, 'question')).toEqual([PHRASE]);

  // So does the highlight's popover.
  await clickPainted(page, PHRASE);
  const popover = page.getByRole('dialog', { name: 'Follow up highlight' });
  await expect(popover).toBeVisible();
  await expect(popover.getByRole('button', { name: 'Follow up' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.keyboard.press('Escape');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect.poll(() => painted(page, 'question')).toEqual([PHRASE]);
  expect(await rolePaint(page, 'question')).toBe(TEAL_LIGHT);
  await clickPainted(page, PHRASE);
  await expect(page.getByRole('dialog', { name: 'Follow up highlight' })).toBeVisible();
  await page.keyboard.press('Escape');

  // The chosen colour keeps its dark paint, at the contrast the palette promises.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => rolePaint(page, 'question')).toBe(TEAL_DARK);
});

test('names and colours come from the library, not only the window’s cached copy', async ({
  page,
  app,
}) => {
  await openSectionII(page, app.url);
  const editor = await openEditor(page);
  await editor
    .getByRole('group', { name: 'Question' })
    .getByRole('textbox', { name: 'Name' })
    .fill('Follow up');
  await editor
    .getByRole('group', { name: 'Follow up' })
    .getByRole('radio', { name: 'Teal' })
    .click();
  await expect(editor.getByRole('status')).toHaveText('Saved');

  // After a restart a new browser profile has no cached copy: the stored settings must win.
  await app.restart();
  const fresh = await page.context().browser()!.newContext();
  const other = await fresh.newPage();
  await other.emulateMedia({ colorScheme: 'light' });
  await other.goto(app.url);
  await expect.poll(() => rolePaint(other, 'question')).toBe(TEAL_LIGHT);
  await other.getByRole('button', { name: TITLE }).click();
  await expect(other.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await selectPassage(other, PHRASE);
  await expect(
    other
      .getByRole('toolbar', { name: 'Highlight the selection' })
      .getByRole('button', { name: 'Follow up' }),
  ).toBeVisible();
  await fresh.close();
});

test('a repeated or empty name is refused with a message and not saved', async ({ page, app }) => {
  await openSectionII(page, app.url);
  const editor = await openEditor(page);
  const name = editor.getByRole('group', { name: 'Evidence' }).getByRole('textbox', {
    name: 'Name',
  });

  // Letter case and spaces do not make a name different.
  await name.fill('  question ');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription(
    'Another highlight colour is already called “question”.',
  );
  await expect(editor.getByRole('status')).toHaveText('Fix the name marked above to save it.');

  await name.fill('');
  await expect(name).toHaveAccessibleDescription('Give this highlight colour a name.');

  // Other changes are still saved while one name waits to be fixed.
  await editor
    .getByRole('group', { name: 'Action' })
    .getByRole('textbox', { name: 'Name' })
    .fill('To do');
  await expect(editor.getByRole('group', { name: 'To do' })).toBeVisible();

  // Closing drops the name that was refused; the saved one stays.
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();
  await selectPassage(page, PHRASE);
  const toolbar = page.getByRole('toolbar', { name: 'Highlight the selection' });
  await expect(toolbar.getByRole('button', { name: 'Evidence' })).toBeVisible();
  await expect(toolbar.getByRole('button', { name: 'To do' })).toBeVisible();

  // A swap goes through once both names are typed, though each clashed on its own.
  await page.keyboard.press('Escape');
  const again = await openEditor(page);
  const evidence = again.getByRole('group', { name: 'Evidence' }).getByRole('textbox');
  const question = again.getByRole('group', { name: 'Question' }).getByRole('textbox');
  await evidence.fill('Question');
  await expect(evidence).toHaveAttribute('aria-invalid', 'true');
  await question.fill('Evidence');
  await expect(evidence).toHaveAttribute('aria-invalid', 'false');
  await expect(question).toHaveAttribute('aria-invalid', 'false');
  await expect(again.getByRole('status')).toHaveText('Saved');
});

test('the editor works from the keyboard and resets to the defaults', async ({ page, app }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openSectionII(page, app.url);
  const editor = await openEditor(page);
  // The first name field has the focus; Tab reaches the row's colours as one stop.
  const keyPoint = editor.getByRole('group', { name: 'Key point' });
  await expect(keyPoint.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(keyPoint.getByRole('radio', { name: 'Yellow' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(keyPoint.getByRole('radio', { name: 'Grey' })).toBeFocused();
  await expect(keyPoint.getByRole('radio', { name: 'Grey' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await page.keyboard.press('Tab');
  await expect(
    editor.getByRole('group', { name: 'Evidence' }).getByRole('textbox', { name: 'Name' }),
  ).toBeFocused();
  expect(await rolePaint(page, 'key-point')).toBe('rgb(222, 220, 216)');

  await editor.getByRole('button', { name: 'Reset to defaults' }).click();
  await expect(keyPoint.getByRole('radio', { name: 'Yellow' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await expect(editor.getByRole('button', { name: 'Reset to defaults' })).toBeDisabled();
  await expect(keyPoint.getByRole('textbox', { name: 'Name' })).toBeFocused();
  expect(await rolePaint(page, 'key-point')).toBe('rgb(252, 228, 137)');
});
