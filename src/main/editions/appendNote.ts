import type { NoteDoc } from '../../shared/model';

/** True when a note holds no text and nothing else worth keeping (a rule, say). */
export function isEmptyNote(doc: NoteDoc): boolean {
  const hasContent = (node: NoteDoc): boolean =>
    (node.text !== undefined && node.text.trim() !== '') ||
    (node.type !== 'doc' &&
      node.type !== 'paragraph' &&
      node.type !== 'text' &&
      node.type !== 'hardBreak') ||
    (node.content ?? []).some(hasContent);
  return !hasContent(doc);
}

/**
 * A note with another note's content added at its end, under a heading when one is given (to
 * say where that content came from). Nothing of either note is dropped; an empty addition adds
 * nothing.
 */
export function appendNote(
  target: NoteDoc | undefined,
  addition: NoteDoc,
  heading?: string,
): NoteDoc {
  if (isEmptyNote(addition)) return target ?? addition;
  const added: NoteDoc[] = [
    ...(heading
      ? [{ type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: heading }] }]
      : []),
    ...(addition.content ?? []),
  ];
  if (target === undefined || isEmptyNote(target)) return { type: 'doc', content: added };
  return { ...target, content: [...(target.content ?? []), ...added] };
}
