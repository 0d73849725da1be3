import type { BriefImporter } from './BriefImporter';
import { decodeBriefText } from './decodeBriefText';
import { importMarkdown } from './markdown/importMarkdown';
import { importText } from './text/importText';

// Markdown saved as .txt: ATX headings on their own lines, or front matter.
function looksLikeMarkdown(text: string): boolean {
  if (/^---[ \t]*\n[\s\S]*?\n---[ \t]*(\n|$)/.test(text)) return true;
  return (text.match(/^#{1,6}[ \t]+\S/gm)?.length ?? 0) >= 2;
}

/** Plain text with Markdown-like marks (the sample brief's format); Markdown saved as .txt too. */
export const textImporter: BriefImporter = {
  format: 'text',
  extensions: ['txt', 'text'],
  async import(bytes, fileName) {
    const text = decodeBriefText(fileName, bytes);
    return looksLikeMarkdown(text) ? importMarkdown(text, fileName) : importText(text, fileName);
  },
};
