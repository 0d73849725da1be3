import type { HighlightMove } from '../../../../shared/editions';

/** A carried-over highlight's fit in the new edition, as its badge says it. */
export function moveStatusLabel(move: Pick<HighlightMove, 'status' | 'score'>): string {
  switch (move.status) {
    case 'moved':
      return 'Moved';
    case 'fuzzy':
      // Floored, so a match short of perfect never reads as 100%.
      return `Fuzzy ${Math.floor(move.score * 100)}%`;
    case 'orphaned':
      return 'Not found';
  }
}
