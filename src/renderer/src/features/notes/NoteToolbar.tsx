import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import type { MouseEvent } from 'react';
import { Icon, type IconName } from '../../components/Icon';
import { ariaKeyShortcut, shortcutLabel } from './shortcutLabel';

interface ToolbarAction {
  id: string;
  label: string;
  icon: IconName;
  /** A key binding; a format without one says how to type it instead, in `hint`. */
  shortcut?: string;
  hint?: string;
  /** Absent for an action that inserts rather than toggles a format. */
  isActive?: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
}

// Shortcuts are TipTap's own (Mod-k is added by the note editor for links).
const ACTIONS: ToolbarAction[] = [
  {
    id: 'bold',
    label: 'Bold',
    icon: 'bold',
    shortcut: 'Mod-b',
    isActive: (editor) => editor.isActive('bold'),
    run: (editor) => editor.chain().focus().toggleBold().run(),
  },
  {
    id: 'italic',
    label: 'Italic',
    icon: 'italic',
    shortcut: 'Mod-i',
    isActive: (editor) => editor.isActive('italic'),
    run: (editor) => editor.chain().focus().toggleItalic().run(),
  },
  {
    id: 'strike',
    label: 'Strikethrough',
    icon: 'strike',
    shortcut: 'Mod-Shift-s',
    isActive: (editor) => editor.isActive('strike'),
    run: (editor) => editor.chain().focus().toggleStrike().run(),
  },
  {
    id: 'code',
    label: 'Code',
    icon: 'code',
    shortcut: 'Mod-e',
    isActive: (editor) => editor.isActive('code'),
    run: (editor) => editor.chain().focus().toggleCode().run(),
  },
  {
    id: 'heading',
    label: 'Heading',
    icon: 'heading',
    shortcut: 'Mod-Alt-3',
    isActive: (editor) => editor.isActive('heading'),
    run: (editor) => editor.chain().focus().toggleHeading({ level: 3 }).run(),
  },
  {
    id: 'bulletList',
    label: 'Bullet list',
    icon: 'bulletList',
    shortcut: 'Mod-Shift-8',
    isActive: (editor) => editor.isActive('bulletList'),
    run: (editor) => editor.chain().focus().toggleBulletList().run(),
  },
  {
    id: 'orderedList',
    label: 'Numbered list',
    icon: 'orderedList',
    shortcut: 'Mod-Shift-7',
    isActive: (editor) => editor.isActive('orderedList'),
    run: (editor) => editor.chain().focus().toggleOrderedList().run(),
  },
  {
    id: 'taskList',
    label: 'Task list',
    icon: 'taskList',
    shortcut: 'Mod-Shift-9',
    isActive: (editor) => editor.isActive('taskList'),
    run: (editor) => editor.chain().focus().toggleTaskList().run(),
  },
  {
    id: 'quote',
    label: 'Quote',
    icon: 'quote',
    shortcut: 'Mod-Shift-b',
    isActive: (editor) => editor.isActive('blockquote'),
    run: (editor) => editor.chain().focus().toggleBlockquote().run(),
  },
  {
    id: 'horizontalRule',
    label: 'Divider',
    icon: 'horizontalRule',
    // TipTap binds no key to it; three dashes on an empty line make one.
    hint: 'type --- on a new line',
    run: (editor) => editor.chain().focus().setHorizontalRule().run(),
  },
];

function tooltip(action: ToolbarAction): string {
  const how = action.shortcut ? shortcutLabel(action.shortcut) : action.hint;
  return how ? `${action.label} (${how})` : action.label;
}

/**
 * A click on a button leaves the keyboard in the note: the button never takes focus from it,
 * so the next key typed lands in the text even before the editor's own refocus has run.
 */
function keepEditorFocus(event: MouseEvent<HTMLButtonElement>): void {
  event.preventDefault();
}

interface NoteToolbarProps {
  editor: Editor;
  onLink: () => void;
}

/** Formatting buttons for the note; each shows whether its format applies at the cursor. */
export function NoteToolbar({ editor, onLink }: NoteToolbarProps) {
  const active = useEditorState({
    editor,
    selector: ({ editor: current }): Record<string, boolean> => ({
      ...Object.fromEntries(
        ACTIONS.map((action) => [action.id, action.isActive?.(current) ?? false]),
      ),
      link: current.isActive('link'),
    }),
  });

  return (
    <div className="note-toolbar" role="toolbar" aria-label="Note formatting">
      {ACTIONS.map((action) => (
        <button
          key={action.id}
          type="button"
          className="tool-button"
          aria-label={action.label}
          aria-pressed={action.isActive ? (active[action.id] ?? false) : undefined}
          aria-keyshortcuts={action.shortcut ? ariaKeyShortcut(action.shortcut) : undefined}
          title={tooltip(action)}
          onMouseDown={keepEditorFocus}
          onClick={() => action.run(editor)}
        >
          <Icon name={action.icon} />
        </button>
      ))}
      <button
        type="button"
        className="tool-button"
        aria-label="Link"
        aria-pressed={active.link ?? false}
        aria-keyshortcuts={ariaKeyShortcut('Mod-k')}
        title={`Link (${shortcutLabel('Mod-k')})`}
        onMouseDown={keepEditorFocus}
        onClick={onLink}
      >
        <Icon name="link" />
      </button>
    </div>
  );
}
