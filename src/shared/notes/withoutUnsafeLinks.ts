import { isSafeNoteHref } from './noteExtensions';

/** A note document or any part of one: TipTap's JSON shape. */
interface NoteNode<T> {
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  content?: T[];
}

/**
 * The content with every link mark whose address a note may not hold (javascript:, data:,
 * file:, …) taken off; its text stays. Content parsed from pasted Markdown needs this: unlike
 * pasted HTML, it reaches the document without passing the link extension's address check.
 * Main applies it to every note it saves too, so no page can store such a link for an export.
 */
export function withoutUnsafeLinks<T extends NoteNode<T>>(content: T): T {
  const cleaned: T = { ...content };
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
