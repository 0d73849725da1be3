import type { Inline } from '../model';

/**
 * What one inline contributes to a section's text: its text, a footnote reference's label, a
 * line break's newline. The reader computes each run's offset from this too, so the two agree.
 */
export function sectionTextOfInline(inline: Inline): string {
  if (inline.type === 'text') return inline.text;
  if (inline.type === 'footnoteRef') return inline.label;
  return '\n';
}
