import { expect, test } from './fixtures/webMode';

const TITLE = /NATO DEFENCE MINISTERS' MEETING, 13-14 JUNE 2024/i;
const SECTION_I = 'I. PREDICTABLE AND COORDINATED SUPPORT FOR UKRAINE';

// Section I's bold statements as the digest shows them (lead-ins with the rest of their sentence).
const SECTION_I_STATEMENTS = [
  'Defence ministers agreed for NATO to lead the coordination of security assistance and training for Ukraine.',
  'The NATO Security Assistance and Training for Ukraine (NSATU) effort will be launched at the NATO Summit in Washington, D.C. It will come under the NATO Command Structure and draw on NATO Common Funding.',
  "A 3-Star General will lead a new NATO command at an existing US facility in Wiesbaden, Germany, and logistical nodes in the Alliance's Eastern part.",
  'Ministers discussed a long-term financial pledge for Ukraine, aimed at sustaining military support levels for Ukraine (Allies currently provide more than 99% of the military aid to Ukraine).',
  "…the level of support provided by Allies since Russia's renewed invasion should be maintained, namely an annual support of EUR 40 billion per year for as long as it takes.",
  'Allies would contribute according to the balance of their respective GDPs.',
  'NATO Secretary General Stoltenberg expressed his confidence that the long-term financial pledge would be approved "[b]ecause a credible long-term commitment shows Moscow that they cannot wait us out."',
  'I expect that that language will be even clearer in our commitment that Ukraine will become a member of the alliance.',
  'Ministers are also on the path to endorse the NATO-Ukraine Joint Analysis, Training and Education Centre (JATEC) in Bydgoszcz, Poland, as the first joint institution between NATO and Ukraine.',
  'Defence ministers endorsed the first-ever NATO-Ukraine Innovation Cooperation Roadmap.',
];

test("key-points view lists the bold statements of the sample brief's section I", async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await page.getByRole('tab', { name: 'Key points' }).click();

  const panel = page.getByRole('tabpanel', { name: 'Key points' });
  const sectionI = panel.getByRole('group', { name: SECTION_I });
  await expect(sectionI.getByTestId('key-point')).toHaveText(SECTION_I_STATEMENTS);
  // Lead-ins are bold, the rest of their sentence is not.
  await expect(sectionI.locator('strong').first()).toHaveText(
    'The NATO Security Assistance and Training for Ukraine (NSATU)',
  );
  // The outline is behind the other tab meanwhile.
  await expect(page.getByRole('navigation', { name: /outline/i })).toBeHidden();
});

test('clicking a key point scrolls to the statement in the text', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await page.getByRole('tab', { name: 'Key points' }).click();

  const statement = page
    .getByRole('main')
    .getByText(/the first-ever NATO-Ukraine Innovation Cooperation Roadmap/);
  await expect(statement).not.toBeInViewport();
  await page
    .getByRole('tabpanel', { name: 'Key points' })
    .getByRole('button', { name: /Defence ministers endorsed the first-ever/ })
    .click();
  await expect(statement).toBeInViewport();
  // Focus moves to the statement, so Tab goes on from there in the text.
  await expect(page.locator(':focus')).toContainText('the first-ever NATO-Ukraine Innovation');
  // The digest marks the part now being read.
  await expect(page.locator('.keypoints-group.is-current').getByRole('heading').first()).toHaveText(
    SECTION_I,
  );
});

test('the sidebar tab chosen, by click or arrow keys, survives a reload', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const contents = page.getByRole('tab', { name: 'Contents' });
  const keyPoints = page.getByRole('tab', { name: 'Key points' });
  await expect(contents).toHaveAttribute('aria-selected', 'true');

  await contents.focus();
  await page.keyboard.press('ArrowRight');
  await expect(keyPoints).toHaveAttribute('aria-selected', 'true');
  await expect(keyPoints).toBeFocused();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Key points' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(
    page.getByRole('tabpanel', { name: 'Key points' }).getByRole('group', { name: SECTION_I }),
  ).toBeVisible();

  await page.getByRole('tab', { name: 'Key points' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('navigation', { name: /outline/i })).toBeVisible();
});

test('a brief without bold statements or key-point lists says so', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await page.getByRole('button', { name: /library/i }).click();
  await page.locator('input[type=file]').setInputFiles({
    name: 'plain-note.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(
      '# Plain note\n\nNothing here is bold.\n\n## Background\n\nThe ministers met twice.\n',
    ),
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Plain note' })).toBeVisible();
  await page.getByRole('tab', { name: 'Key points' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Key points' })).toHaveText(
    'This brief has no bold statements or key-point lists.',
  );
});
