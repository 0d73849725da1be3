import { createHash } from 'node:crypto';
import type { Highlight } from '../../shared/highlights';

const SHORT_LENGTH = 8;

/**
 * An Obsidian block id (`h-3f9a0b12`, written `^h-3f9a0b12`) for each highlight in one file.
 * It is the start of the highlight's id, so the same highlight keeps the same block id in every
 * export and links made to it keep working. When two start alike, the later-made one takes a
 * longer part of its id: the older block id, which links may already point at, never changes.
 */
export function highlightBlockIds(highlights: readonly Highlight[]): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  const byAge = [...highlights].sort(
    (a, b) => compare(a.createdAt, b.createdAt) || compare(a.id, b.id),
  );
  for (const highlight of byAge) {
    if (ids.has(highlight.id)) continue;
    const chars = blockIdChars(highlight.id);
    let length = SHORT_LENGTH;
    let blockId = `h-${chars.slice(0, length)}`;
    while (taken.has(blockId) && length < chars.length) {
      length += 4;
      blockId = `h-${chars.slice(0, length)}`;
    }
    // Two ids alike in every letter and digit (only possible outside Briefmark's own uuids).
    for (let n = 2; taken.has(blockId); n += 1) blockId = `h-${chars}-${n}`;
    taken.add(blockId);
    ids.set(highlight.id, blockId);
  }
  return ids;
}

// Block ids may hold only letters, digits and dashes; a uuid's dashes carry nothing.
function blockIdChars(id: string): string {
  const chars = id.toLowerCase().replace(/[^a-z0-9]/g, '');
  return chars.length >= SHORT_LENGTH ? chars : createHash('sha256').update(id).digest('hex');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
