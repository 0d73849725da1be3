import type { Page } from '@playwright/test';

/** The top of the heading with this text relative to the document pane, in pixels. */
export function headingTop(page: Page, name: string): Promise<number> {
  return page
    .locator('.reader-main')
    .evaluate(
      (main, text) =>
        [...main.querySelectorAll('h2, h3, h4')]
          .find((heading) => heading.textContent === text)!
          .getBoundingClientRect().top - main.getBoundingClientRect().top,
      name,
    );
}
