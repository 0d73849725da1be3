import type { NoteDoc } from '../../../../shared/model';

// Nodes that say something with no text in them.
const CONTENT_WITHOUT_TEXT = new Set(['horizontalRule']);

/** True when a note holds anything beyond empty lines, empty list items and blank space. */
export function noteHasContent(doc: NoteDoc | undefined): boolean {
  if (!doc) return false;
  if (doc.type === 'text') return /\S/.test(doc.text ?? '');
  if (CONTENT_WITHOUT_TEXT.has(doc.type)) return true;
  return (doc.content ?? []).some(noteHasContent);
}
