import type { Highlight } from '../../../../shared/highlights';

/** How a highlight fits the text, in words; null when it sits exactly where it was made. */
export function anchorStatusLabel(highlight: Pick<Highlight, 'status' | 'score'>): string | null {
  switch (highlight.status) {
    case 'exact':
      return null;
    case 'moved':
      return 'Moved';
    case 'fuzzy':
      // Floored, so a match short of perfect never reads as 100%.
      return `Fuzzy match ${Math.floor(highlight.score * 100)}%`;
    case 'orphaned':
      return 'Orphaned';
  }
}
