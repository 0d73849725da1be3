import type { EditionCarryOver } from '../../../../shared/editions';

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "a, b and c" */
function joinParts(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
}

/**
 * What adopting an older edition did, in sentences: "Carried over 12 highlights: 9 in place,
 * 2 moved and 1 not found. 3 notes followed their sections."
 */
export function carryOverSummary(carry: EditionCarryOver): string {
  const { exact, moved, fuzzy, orphaned } = carry.highlights;
  const total = exact + moved + fuzzy + orphaned;
  const sentences: string[] = [];
  if (total === 0) {
    sentences.push('There were no highlights to carry over.');
  } else if (total === exact) {
    sentences.push(
      total === 1
        ? 'Carried over 1 highlight, in place.'
        : `Carried over ${total} highlights, all in place.`,
    );
  } else {
    const parts = [
      exact > 0 ? `${exact} in place` : '',
      moved > 0 ? `${moved} moved` : '',
      fuzzy > 0 ? `${fuzzy} placed approximately` : '',
      orphaned > 0 ? `${orphaned} not found` : '',
    ].filter(Boolean);
    sentences.push(`Carried over ${count(total, 'highlight', 'highlights')}: ${joinParts(parts)}.`);
  }
  const { followed, toBriefNote } = carry.notes;
  if (followed > 0) {
    sentences.push(
      followed === 1
        ? '1 note followed its section.'
        : `${followed} notes followed their sections.`,
    );
  }
  if (toBriefNote > 0) {
    sentences.push(
      toBriefNote === 1
        ? 'The note of a removed section was added to the brief note.'
        : `${toBriefNote} notes of removed sections were added to the brief note.`,
    );
  }
  return sentences.join(' ');
}

/** Whether there is anything to look at: highlights that did not land exactly, or changes. */
export function carryOverNeedsReview(carry: EditionCarryOver): boolean {
  const { moved, fuzzy, orphaned } = carry.highlights;
  const { added, changed, removed } = carry.sections;
  return moved + fuzzy + orphaned + added + changed + removed > 0;
}
