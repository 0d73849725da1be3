import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import type { NoteDoc } from '../../shared/model';
import { isSafeNoteHref, createNoteExtensions } from '../../shared/notes/noteExtensions';
import { noteDocSchema } from '../../shared/schemas';
import { isEmptyNote } from '../editions/appendNote';

let schema: Schema | undefined;

// Built on first use, from the same extensions as the editor: a note is restored only if the
// editor could have made it.
function noteSchema(): Schema {
  schema ??= getSchema(createNoteExtensions());
  return schema;
}

/**
 * The note a sidecar restores: its TipTap document when that is one the notes editor could
 * hold (shape checked as `notes.save` does, every node and mark known to the editor's schema,
 * links only to the web, mail or a highlight, attributes only those the editor knows), else
 * its Markdown as plain paragraphs, so nothing in a file can smuggle markup into the app.
 * null when the note has nothing in it.
 */
export function sidecarNoteDoc(doc: unknown, markdown: string): NoteDoc | null {
  const restored = (doc === undefined ? null : checkedDoc(doc)) ?? paragraphsOf(markdown);
  return restored === null || isEmptyNote(restored) ? null : restored;
}

function checkedDoc(value: unknown): NoteDoc | null {
  const parsed = noteDocSchema.safeParse(value);
  if (!parsed.success || parsed.data.type !== 'doc') return null;
  const cleaned = cleanNode(parsed.data);
  try {
    noteSchema().nodeFromJSON(cleaned).check();
  } catch {
    return null;
  }
  return cleaned;
}

function cleanNode(node: NoteDoc): NoteDoc {
  const cleaned: NoteDoc = { type: node.type };
  const attrs = knownAttrs(noteSchema().nodes[node.type]?.spec.attrs, node.attrs);
  if (attrs) cleaned.attrs = attrs;
  if (node.content) cleaned.content = node.content.map(cleanNode);
  if (node.marks) {
    const marks = node.marks.flatMap((mark) => {
      if (mark.type === 'link') {
        const href = mark.attrs?.href;
        // An unsafe link (javascript:, file:, data:) is dropped; its text stays.
        if (typeof href !== 'string' || !isSafeNoteHref(href)) return [];
      }
      const markAttrs = knownAttrs(noteSchema().marks[mark.type]?.spec.attrs, mark.attrs);
      return [markAttrs ? { type: mark.type, attrs: markAttrs } : { type: mark.type }];
    });
    if (marks.length > 0) cleaned.marks = marks;
  }
  if (node.text !== undefined) cleaned.text = node.text;
  return cleaned;
}

// Only the attributes the editor defines, and only plain values: nothing else reaches the DOM.
function knownAttrs(
  spec: Record<string, unknown> | undefined,
  attrs: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  if (!attrs || !spec) return undefined;
  const kept = Object.entries(attrs).filter(
    ([key, value]) =>
      Object.hasOwn(spec, key) &&
      (value === null || ['string', 'number', 'boolean'].includes(typeof value)),
  );
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

/** Markdown as the user would read it, one paragraph per block of lines, as plain text. */
function paragraphsOf(markdown: string): NoteDoc | null {
  const blocks = markdown
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '');
  if (blocks.length === 0) return null;
  return {
    type: 'doc',
    content: blocks.map((block) => ({
      type: 'paragraph',
      content: block.split('\n').flatMap((line, index): NoteDoc[] => {
        const text: NoteDoc[] = line === '' ? [] : [{ type: 'text', text: line }];
        return index === 0 ? text : [{ type: 'hardBreak' }, ...text];
      }),
    })),
  };
}
