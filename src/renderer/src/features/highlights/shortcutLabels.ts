const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Whether the Command key stands in for Ctrl in this app's shortcuts. */
export const isMac = IS_MAC;

/** The highlight shortcut as the reader's keyboard labels it. */
export const HIGHLIGHT_SHORTCUT_LABEL = IS_MAC ? '⌘⇧H' : 'Ctrl+Shift+H';

export const UNDO_SHORTCUT_LABEL = IS_MAC ? '⌘Z' : 'Ctrl+Z';

export const SAVE_COMMENT_SHORTCUT_LABEL = IS_MAC ? '⌘↩' : 'Ctrl+Enter';
