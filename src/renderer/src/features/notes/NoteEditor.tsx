import type { Editor } from '@tiptap/core';
import { Markdown } from '@tiptap/markdown';
import { EditorState } from '@tiptap/pm/state';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { createNoteExtensions } from '../../../../shared/notes/noteExtensions';
import { LinkDialog } from './LinkDialog';
import { MarkdownPaste } from './markdownPaste';
import { noteDocFrom } from './noteDocFrom';
import type { NoteSaver } from './NoteSaver';
import { NoteToolbar } from './NoteToolbar';

interface NoteEditorProps {
  saver: NoteSaver;
  /** The section the note belongs to; null for the note on the whole brief. */
  sectionId: string | null;
  /** The editor's accessible name, e.g. "Note for Decisions". */
  label: string;
  placeholder: string;
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

/**
 * The TipTap editor for the note of one section (or the whole brief). One editor serves every
 * note: switching notes saves the old one at once, then loads the new one with fresh history.
 */
export function NoteEditor({ saver, sectionId, label, placeholder }: NoteEditorProps) {
  const [linkDialogOpen, setLinkDialogOpen] = useState(false);
  const [empty, setEmpty] = useState(true);
  // The note the editor shows now; edits are filed under it.
  const shownSectionId = useRef(sectionId);

  const editor = useEditor(
    {
      extensions: [...createNoteExtensions(), Markdown, MarkdownPaste],
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
      <div className="note-editor-frame">
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
