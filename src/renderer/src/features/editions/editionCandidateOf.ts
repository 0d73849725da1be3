import type { ImportedBrief } from '../../../../shared/api';
import type { EditionRef } from '../../../../shared/editions';

/**
 * The brief an import looks like a new edition of, when the reader should be asked about it:
 * not for a file that was already in the library, nor for a brief named as its own edition.
 */
export function editionCandidateOf(
  imported: Pick<ImportedBrief, 'id' | 'alreadyInLibrary' | 'editionCandidate'>,
): EditionRef | null {
  const candidate = imported.editionCandidate;
  if (imported.alreadyInLibrary || !candidate || candidate.id === imported.id) return null;
  return candidate;
}
