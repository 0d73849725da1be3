import type { Locator, Page } from '@playwright/test';

/** Jumps to a section through the outline and returns its note editor, ready for typing. */
export async function openSectionNote(page: Page, heading: string): Promise<Locator> {
  await page
    .getByRole('navigation', { name: /outline/i })
    .getByText(heading, { exact: true })
    .click();
  const editor = page.getByRole('textbox', { name: `Note for ${heading}` });
  await editor.click();
  return editor;
}
