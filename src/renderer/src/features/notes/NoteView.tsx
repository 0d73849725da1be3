import { getSchema } from '@tiptap/core';
import { DOMSerializer, Node as ProseMirrorNode, type Schema } from '@tiptap/pm/model';
import { useLayoutEffect, useRef, type MouseEvent } from 'react';
import type { NoteDoc } from '../../../../shared/model';
import { createNoteExtensions } from '../../../../shared/notes/noteExtensions';
import { followNoteLink, type OpenHighlightLink } from './followNoteLink';

let noteSchema: Schema | null = null;

/** The editor's schema, built once: the same extensions, so a note reads as it was written. */
function schema(): Schema {
  noteSchema ??= getSchema(createNoteExtensions());
  return noteSchema;
}

/**
 * Builds a note's DOM from its JSON with the editor's own schema: no HTML string is parsed, and
 * marks such as links render only as their extensions allow (an unsafe address is dropped).
 */
function renderNote(doc: NoteDoc): Node {
  const node = ProseMirrorNode.fromJSON(schema(), doc);
  const fragment = DOMSerializer.fromSchema(schema()).serializeFragment(node.content, {
    document,
  });
  // A task's box shows its state here; it is ticked in the editor.
  for (const box of fragment.querySelectorAll('input')) box.disabled = true;
  return fragment;
}

interface NoteViewProps {
  doc: NoteDoc;
  onOpenHighlight: OpenHighlightLink;
}

/** A note shown read-only, formatted as in the editor; its links work with a plain click. */
export function NoteView({ doc, onOpenHighlight }: NoteViewProps) {
  const ref = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    let content: Node;
    try {
      content = renderNote(doc);
    } catch {
      const message = document.createElement('p');
      message.className = 'note-view-error';
      message.textContent = 'This note could not be shown. Open it to see its text.';
      content = message;
    }
    element.replaceChildren(content);
  }, [doc]);

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (!(event.target instanceof Element)) return;
    const anchor = event.target.closest('a');
    if (!anchor || !event.currentTarget.contains(anchor)) return;
    // Where a link may lead is decided here, never by the browser.
    event.preventDefault();
    followNoteLink(anchor.getAttribute('href') ?? '', onOpenHighlight, anchor);
  };

  return (
    <div
      ref={ref}
      className="note-view"
      onClick={onClick}
      onAuxClick={(event) => {
        if (event.target instanceof Element && event.target.closest('a')) event.preventDefault();
      }}
    />
  );
}
