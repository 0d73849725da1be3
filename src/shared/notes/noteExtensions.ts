import type { AnyExtension } from '@tiptap/core';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import StarterKit from '@tiptap/starter-kit';
import { isBriefmarkHref } from '../briefmarkLink';

/**
 * Link schemes a note may hold; anything else is dropped when a link is made or pasted.
 * briefmark: only in the exact form of a link back to a highlight (see briefmarkLink).
 */
export const NOTE_LINK_PROTOCOLS = ['http', 'https', 'mailto', 'briefmark'] as const;

export function isSafeNoteHref(href: string): boolean {
  return /^(https?:|mailto:)/i.test(href.trim()) || isBriefmarkHref(href);
}

/**
 * The one extension list for notes: the editor uses it, and the exporter serializes notes
 * with the same list, so what the user sees is what gets exported.
 * The Markdown extension itself is added by the editor only; the exporter uses MarkdownManager.
 */
export function createNoteExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Markdown has no underline; keeping it would lose formatting on export.
      underline: false,
      link: {
        openOnClick: false,
        autolink: true,
        protocols: [...NOTE_LINK_PROTOCOLS],
        defaultProtocol: 'https',
        isAllowedUri: (url) => isSafeNoteHref(url),
      },
    }),
    TaskList,
    TaskItem.configure({ nested: true }),
  ];
}
