import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';

function linkHrefAt(root: HTMLElement, target: EventTarget | null): string | null {
  if (!(target instanceof Element)) return null;
  const anchor = target.closest('a');
  if (!anchor || !root.contains(anchor)) return null;
  return anchor.getAttribute('href');
}

/** Sent from the editor's element when a link is Ctrl+clicked; `detail` is its address. */
export const FOLLOW_NOTE_LINK_EVENT = 'briefmark-follow-note-link';

/**
 * Links in a note are followed with Ctrl+click (⌘-click on a Mac), never by the browser: the
 * click becomes a FOLLOW_NOTE_LINK_EVENT for the note editor, which decides where the address
 * may lead. A plain click only places the cursor, as in any editor; a middle click does nothing.
 */
export const NoteLinkClicks = Extension.create({
  name: 'noteLinkClicks',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('noteLinkClicks'),
        props: {
          handleDOMEvents: {
            click: (view, event) => {
              const href = linkHrefAt(view.dom, event.target);
              if (href === null) return false;
              // The browser never follows a note's link itself, whatever the address.
              event.preventDefault();
              if (!(event.ctrlKey || event.metaKey) || event.button !== 0) return false;
              if (href) {
                view.dom.dispatchEvent(
                  new CustomEvent<string>(FOLLOW_NOTE_LINK_EVENT, { detail: href }),
                );
              }
              return true;
            },
            auxclick: (view, event) => {
              if (linkHrefAt(view.dom, event.target) === null) return false;
              event.preventDefault();
              return true;
            },
          },
        },
      }),
    ];
  },
});
