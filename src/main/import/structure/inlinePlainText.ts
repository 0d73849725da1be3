import type { Inline } from '../../../shared/model';

/** The text of an inline run as a reader sees it: footnote refs as their label, breaks as newlines. */
export function inlinePlainText(inlines: readonly Inline[]): string {
  let out = '';
  for (const inline of inlines) {
    if (inline.type === 'text') out += inline.text;
    else if (inline.type === 'footnoteRef') out += inline.label;
    else out += '\n';
  }
  return out;
}
