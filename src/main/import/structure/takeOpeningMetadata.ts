import type { Block, BriefMeta } from '../../../shared/model';
import { inlinePlainText } from './inlinePlainText';
import { parseDate } from './parseDate';
import { parseMetaFields } from './parseMetaFields';

/**
 * Moves cover lines at the start of a document ("Report: GAO-07-791 | Published: 2007-07-01",
 * a lone date) into `meta`, filling only what is still unknown, and returns the blocks left.
 * Stops looking at the first long paragraph: metadata does not follow the body text.
 */
export function takeOpeningMetadata(blocks: readonly Block[], meta: BriefMeta): Block[] {
  let opening = true;
  return blocks.filter((block) => {
    if (!opening || block.type !== 'paragraph') return true;
    const plain = inlinePlainText(block.content).trim();
    const fields = parseMetaFields(plain);
    if (fields && fields.recognised >= 2 && fields.recognised === fields.total) {
      meta.reference ??= fields.fields.reference ?? null;
      meta.date ??= fields.fields.date ?? null;
      meta.organisation ??= fields.fields.organisation ?? null;
      meta.documentType ??= fields.fields.documentType ?? null;
      if (meta.authors.length === 0 && fields.fields.authors) meta.authors = fields.fields.authors;
      return false;
    }
    const date = parseDate(plain);
    if (date && !meta.date) {
      meta.date = date;
      return false;
    }
    opening = plain.length <= 120;
    return true;
  });
}
