import type { BriefImporter } from '../BriefImporter';
import { ImportError } from '../ImportError';
import type { ImportOptions } from '../ImportOptions';
import { convertHtmlToSections } from './convertHtmlToSections';
import { decodeHtmlBytes } from './decodeHtmlBytes';
import { findMainContent } from './findMainContent';
import { deepMarkupWarning, flattenDeepHtml } from './flattenDeepHtml';
import { isFullPage, parseHtmlDocument } from './parseHtmlDocument';
import { readHtmlMeta } from './readHtmlMeta';

const STEPS = 3;

function checkCancelled(fileName: string, options: ImportOptions): void {
  if (options.signal?.aborted) {
    throw new ImportError('cancelled', `The import of “${fileName}” was cancelled.`);
  }
}

/**
 * A saved web page or an HTML fragment: the main content of a page (found with Readability,
 * else <main>, <article> or <body>) converted to the model. No markup reaches the model:
 * scripts, styles, frames, forms, SVG, MathML and images are dropped, links keep only http,
 * https and mailto targets.
 */
export const htmlImporter: BriefImporter = {
  format: 'html',
  extensions: ['html', 'htm', 'xhtml'],
  async import(bytes, fileName, options) {
    checkCancelled(fileName, options);
    const { html, flattened } = flattenDeepHtml(decodeHtmlBytes(bytes, fileName));
    const document = parseHtmlDocument(html);
    options.onProgress?.({ done: 1, total: STEPS, unit: 'part' });
    checkCancelled(fileName, options);
    const roots = isFullPage(html)
      ? findMainContent(document, () => parseHtmlDocument(html))
      : [document.body ?? document.documentElement];
    options.onProgress?.({ done: 2, total: STEPS, unit: 'part' });
    checkCancelled(fileName, options);
    const brief = convertHtmlToSections({
      document,
      roots,
      fileName,
      format: 'html',
      stated: readHtmlMeta(document),
      readCover: true,
    });
    if (flattened > 0) brief.warnings = [...(brief.warnings ?? []), deepMarkupWarning(flattened)];
    options.onProgress?.({ done: STEPS, total: STEPS, unit: 'part' });
    return brief;
  },
};
