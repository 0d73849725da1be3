import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { Icon, type IconName } from '../../components/Icon';
import { ariaKeyShortcut, shortcutLabel } from './shortcutLabel';

interface ToolbarAction {
  id: string;
  label: string;
  icon: IconName;
  shortcut: string;
  isActive: (editor: Editor) => boolean;
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
];

interface NoteToolbarProps {
  editor: Editor;
  onLink: () => void;
}

/** Formatting buttons for the note; each shows whether its format applies at the cursor. */
export function NoteToolbar({ editor, onLink }: NoteToolbarProps) {
  const active = useEditorState({
    editor,
    selector: ({ editor: current }): Record<string, boolean> => ({
      ...Object.fromEntries(ACTIONS.map((action) => [action.id, action.isActive(current)])),
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
          aria-pressed={active[action.id] ?? false}
          aria-keyshortcuts={ariaKeyShortcut(action.shortcut)}
          title={`${action.label} (${shortcutLabel(action.shortcut)})`}
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
        onClick={onLink}
      >
        <Icon name="link" />
      </button>
    </div>
  );
}
