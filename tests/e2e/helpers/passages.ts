import { expect, type Page } from '@playwright/test';
import type { HighlightRole } from '../../../src/shared/highlights';

/**
 * Selects the brief's text from the start of `from` to the end of `to` (or of `from` alone)
 * with the Selection API, as a keyboard user extending a selection would, and returns the
 * selected text as the DOM has it (Range.toString, the same form the paint's ranges give).
 */
export function selectPassage(page: Page, from: string, to: string = from): Promise<string> {
  return page.evaluate(
    ({ from, to }) => {
      const article = document.querySelector('.reader-main article')!;
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      const starts: number[] = [];
      let text = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push(node as Text);
        starts.push(text.length);
        text += (node as Text).data;
      }
      const start = text.indexOf(from);
      const end = text.indexOf(to, start) + to.length;
      if (start < 0 || end < start + to.length) throw new Error(`“${from}” … “${to}” not found`);
      // A start goes into the node the text begins in, an end into the node it finishes in.
      const point = (offset: number, isEnd: boolean): [Text, number] => {
        const index = Math.max(
          0,
          starts.findLastIndex((nodeStart) => (isEnd ? nodeStart < offset : nodeStart <= offset)),
        );
        return [nodes[index]!, offset - starts[index]!];
      };
      const range = document.createRange();
      range.setStart(...point(start, false));
      range.setEnd(...point(end, true));
      // A reader sees what they select.
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return range.toString();
    },
    { from, to },
  );
}

/** The text of each range painted in a colour role's highlight, in the registry's order. */
export function painted(page: Page, role: HighlightRole): Promise<string[]> {
  return page.evaluate(
    (name) => [...(CSS.highlights.get(name) ?? [])].map((range) => (range as Range).toString()),
    `hl-${role}`,
  );
}

/** The text of every highlight painted in the document, whatever its colour. */
export function paintedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...CSS.highlights]
      .filter(([name]) => name.startsWith('hl-') && name !== 'hl-active')
      .flatMap(([, paint]) => [...paint].map((range) => (range as Range).toString())),
  );
}

/** Clicks the middle of the first line of the painted range starting with `text`; its popover opens. */
export async function clickPainted(page: Page, text: string): Promise<void> {
  // A passage is painted the moment it is highlighted, but answers a click only once the
  // library has saved it: until its popover opens, click again.
  const popover = page.getByTestId('highlight-popover');
  await expect(async () => {
    if (await popover.isVisible()) return;
    const point = await page.evaluate((text) => {
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('hl-') || name === 'hl-active') continue;
        for (const range of highlight) {
          if (!(range instanceof Range) || !range.toString().startsWith(text)) continue;
          range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
          const line = range.getClientRects()[0]!;
          return { x: line.left + line.width / 2, y: line.top + line.height / 2 };
        }
      }
      throw new Error(`nothing painted starts with “${text}”`);
    }, text);
    await page.mouse.click(point.x, point.y);
    await expect(popover).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
}

/** Whether the painted passage starting with `text` lies inside the document pane's view. */
export function passageInView(page: Page, text: string): Promise<boolean> {
  return page.evaluate((text) => {
    const pane = document.querySelector('.reader-main')!.getBoundingClientRect();
    for (const [name, paint] of CSS.highlights) {
      if (name === 'hl-active') continue;
      for (const range of paint) {
        if (!(range instanceof Range) || !range.toString().startsWith(text)) continue;
        const box = range.getBoundingClientRect();
        return box.top >= pane.top && box.bottom <= pane.bottom;
      }
    }
    return false;
  }, text);
}
