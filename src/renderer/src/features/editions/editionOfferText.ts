import type { ImportedBrief } from '../../../../shared/api';
import type { EditionRef } from '../../../../shared/editions';
import { formatTimestamp } from '../../format/formatTimestamp';

/**
 * The question put after an import that looks like a new edition of a brief in the library:
 * "“X” looks like a new edition of “Y” (imported 13 Jun 2024, 14:05). Carry its highlights and
 * notes over?" When both have the same title, their file names tell them apart.
 */
export function editionOfferText(
  imported: Pick<ImportedBrief, 'title'> & { sourceName?: string },
  previous: EditionRef,
): string {
  const sameTitle = imported.title.trim() === previous.title.trim();
  const newer =
    sameTitle && imported.sourceName
      ? `“${imported.title}” (${imported.sourceName})`
      : `“${imported.title}”`;
  const older = sameTitle
    ? `“${previous.title}” (${previous.sourceName}, imported ${formatTimestamp(previous.importedAt)})`
    : `“${previous.title}” (imported ${formatTimestamp(previous.importedAt)})`;
  return `${newer} looks like a new edition of ${older}. Carry its highlights and notes over?`;
}
