import type { JSONContent } from '@tiptap/core';
import { isSafeNoteHref } from '../../../../shared/notes/noteExtensions';

/**
 * The content with every link mark whose address a note may not hold (javascript:, data:,
 * file:, …) taken off; its text stays. Content parsed from Markdown needs this: unlike pasted
 * HTML, it reaches the document without passing the link extension's address check.
 */
export function withoutUnsafeLinks(content: JSONContent): JSONContent {
  const cleaned: JSONContent = { ...content };
  if (content.marks) {
    const marks = content.marks.filter(
      (mark) =>
        mark.type !== 'link' ||
        (typeof mark.attrs?.href === 'string' && isSafeNoteHref(mark.attrs.href)),
    );
    if (marks.length > 0) cleaned.marks = marks;
    else delete cleaned.marks;
  }
  if (content.content) cleaned.content = content.content.map(withoutUnsafeLinks);
  return cleaned;
}
