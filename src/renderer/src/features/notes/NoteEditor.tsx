import type { Editor, JSONContent } from '@tiptap/core';
import { Markdown } from '@tiptap/markdown';
import { EditorState, Selection } from '@tiptap/pm/state';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import type { NoteDoc } from '../../../../shared/model';
import { createNoteExtensions } from '../../../../shared/notes/noteExtensions';
import { followNoteLink, type OpenHighlightLink } from './followNoteLink';
import { LinkDialog } from './LinkDialog';
import { MarkdownPaste } from './markdownPaste';
import { noteDocFrom } from './noteDocFrom';
import { FOLLOW_NOTE_LINK_EVENT, NoteLinkClicks } from './noteLinkClicks';
import type { NoteSaver } from './NoteSaver';
import { NoteToolbar } from './NoteToolbar';
import type { LiveNoteEditor, NoteAppend } from './useBriefNotes';

interface NoteEditorProps {
  saver: NoteSaver;
  /** The section the note belongs to; null for the note on the whole brief. */
  sectionId: string | null;
  /** The editor's accessible name, e.g. "Note for Decisions". */
  label: string;
  placeholder: string;
  /** Registers the editor with the notes state, so quotes go in as edits of the editor. */
  attach: (editor: LiveNoteEditor) => () => void;
  /** The last note something was quoted into: shown to its end when it is this one. */
  lastAppend: NoteAppend | null;
  /** A new number asks for the keyboard in the note, at its end. */
  focusRequest: number;
  onOpenHighlight: OpenHighlightLink;
}

function editorAttributes(label: string): Record<string, string> {
  return {
    'aria-label': label,
    'aria-multiline': 'true',
    role: 'textbox',
    class: 'note-editor-content',
    spellcheck: 'true',
  };
}

/** Replaces the editor's state so that undo cannot reach back into the previous note. */
function resetHistory(editor: Editor): void {
  const { doc, plugins, schema } = editor.state;
  editor.view.updateState(EditorState.create({ doc, plugins, schema }));
}

/** Adds blocks at the end of the note, over the empty lines it ends with, as one undoable step. */
function appendBlocks(editor: Editor, blocks: NoteDoc[]): void {
  const { doc } = editor.state;
  let from = doc.content.size;
  for (let index = doc.childCount - 1; index >= 0; index -= 1) {
    const child = doc.child(index);
    if (child.type.name !== 'paragraph' || child.content.size > 0) break;
    from -= child.nodeSize;
  }
  editor
    .chain()
    .insertContentAt({ from, to: doc.content.size }, blocks as JSONContent[])
    // The cursor waits after the quote, where the user's own words about it go.
    .command(({ tr }) => {
      tr.setSelection(Selection.atEnd(tr.doc));
      return true;
    })
    .run();
}

/**
 * The TipTap editor for the note of one section (or the whole brief). One editor serves every
 * note: switching notes saves the old one at once, then loads the new one with fresh history.
 */
export function NoteEditor({
  saver,
  sectionId,
  label,
  placeholder,
  attach,
  lastAppend,
  focusRequest,
  onOpenHighlight,
}: NoteEditorProps) {
  const [linkDialogOpen, setLinkDialogOpen] = useState(false);
  const [empty, setEmpty] = useState(true);
  // The note the editor shows now; edits are filed under it.
  const shownSectionId = useRef(sectionId);
  const frameRef = useRef<HTMLDivElement>(null);

  const editor = useEditor(
    {
      extensions: [...createNoteExtensions(), Markdown, MarkdownPaste, NoteLinkClicks],
      // TipTap would inject a <style> element, which the CSP refuses; notes.css carries its rules.
      injectCSS: false,
      content: saver.get(sectionId) ?? '',
      editorProps: { attributes: editorAttributes(label) },
      onCreate: ({ editor: created }) => setEmpty(created.isEmpty),
      onUpdate: ({ editor: updated }) => {
        saver.edit(shownSectionId.current, noteDocFrom(updated.getJSON()));
        setEmpty(updated.isEmpty);
      },
      onBlur: () => void saver.flush(),
    },
    [],
  );

  useEffect(() => {
    if (shownSectionId.current === sectionId) return;
    // What was typed for the previous note goes out before the editor shows the next one.
    void saver.flush();
    shownSectionId.current = sectionId;
    editor.commands.setContent(saver.get(sectionId) ?? '', { emitUpdate: false });
    resetHistory(editor);
    setEmpty(editor.isEmpty);
  }, [editor, saver, sectionId]);

  useEffect(() => {
    editor.setOptions({ editorProps: { attributes: editorAttributes(label) } });
  }, [editor, label]);

  // Leaving the brief saves what was typed right away.
  useEffect(() => () => void saver.flush(), [saver]);

  useEffect(
    () =>
      attach({
        sectionId: () => shownSectionId.current,
        append: (blocks) => appendBlocks(editor, blocks),
      }),
    [attach, editor],
  );

  // A quote just added to the note shown is brought into view: it went in at the end.
  const shownAppend = useRef(lastAppend?.seq ?? 0);
  useEffect(() => {
    if (!lastAppend || lastAppend.seq === shownAppend.current) return;
    shownAppend.current = lastAppend.seq;
    if (lastAppend.sectionId !== shownSectionId.current) return;
    // Also when the note was loaded with the quote already in it, which leaves the cursor on top.
    editor.commands.command(({ tr }) => {
      tr.setSelection(Selection.atEnd(tr.doc));
      return true;
    });
    const frame = frameRef.current;
    if (frame) frame.scrollTop = frame.scrollHeight;
  }, [editor, lastAppend]);

  const focusedFor = useRef(focusRequest);
  useEffect(() => {
    if (focusRequest === focusedFor.current) return;
    focusedFor.current = focusRequest;
    editor.commands.focus('end');
  }, [editor, focusRequest]);

  useEffect(() => {
    const element = editor.view.dom;
    const onFollow = (event: Event) => {
      if (event instanceof CustomEvent && typeof event.detail === 'string') {
        followNoteLink(event.detail, onOpenHighlight, element);
      }
    };
    element.addEventListener(FOLLOW_NOTE_LINK_EVENT, onFollow);
    return () => element.removeEventListener(FOLLOW_NOTE_LINK_EVENT, onFollow);
  }, [editor, onOpenHighlight]);

  const openLinkDialog = () => setLinkDialogOpen(true);
  // The modal makes the editor inert, so it must be closed before the editor can take focus.
  const closeLinkDialog = () => flushSync(() => setLinkDialogOpen(false));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if ((event.metaKey || event.ctrlKey) && !event.altKey && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      openLinkDialog();
    }
  };

  const currentHref = editor.isActive('link')
    ? String(editor.getAttributes('link').href ?? '')
    : '';

  return (
    <div className="note-editor" onKeyDown={onKeyDown}>
      <NoteToolbar editor={editor} onLink={openLinkDialog} />
      <div className="note-editor-frame" ref={frameRef}>
        {empty && (
          <p className="note-placeholder" aria-hidden="true">
            {placeholder}
          </p>
        )}
        <EditorContent editor={editor} />
      </div>
      {linkDialogOpen && (
        <LinkDialog
          initialHref={currentHref}
          onClose={() => setLinkDialogOpen(false)}
          onFollow={(href) => {
            closeLinkDialog();
            followNoteLink(href, onOpenHighlight, editor.view.dom);
          }}
          onRemove={
            currentHref
              ? () => {
                  closeLinkDialog();
                  editor.chain().focus().extendMarkRange('link').unsetLink().run();
                }
              : null
          }
          onApply={(href) => {
            closeLinkDialog();
            const chain = editor.chain().focus();
            if (editor.state.selection.empty && !editor.isActive('link')) {
              chain
                .insertContent({
                  type: 'text',
                  text: href,
                  marks: [{ type: 'link', attrs: { href } }],
                })
                .run();
            } else {
              chain.extendMarkRange('link').setLink({ href }).run();
            }
          }}
        />
      )}
    </div>
  );
}
