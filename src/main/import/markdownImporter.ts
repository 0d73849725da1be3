import type { BriefImporter } from './BriefImporter';
import { decodeBriefText } from './decodeBriefText';
import { importMarkdown } from './markdown/importMarkdown';

/** CommonMark with tables, footnotes and YAML front matter (Quarto .qmd included). */
export const markdownImporter: BriefImporter = {
  format: 'markdown',
  extensions: ['md', 'markdown', 'qmd'],
  async import(bytes, fileName) {
    return importMarkdown(decodeBriefText(fileName, bytes), fileName);
  },
};
