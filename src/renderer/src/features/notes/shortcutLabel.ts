const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform);

/** "Mod-Shift-8" as this platform writes it: "⌘⇧8" on a Mac, "Ctrl+Shift+8" elsewhere. */
export function shortcutLabel(shortcut: string): string {
  const parts = shortcut.split('-');
  if (IS_MAC) {
    const symbols: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥' };
    return parts.map((part) => symbols[part] ?? part.toUpperCase()).join('');
  }
  const names: Record<string, string> = { Mod: 'Ctrl', Shift: 'Shift', Alt: 'Alt' };
  return parts.map((part) => names[part] ?? part.toUpperCase()).join('+');
}

/** "Mod-Shift-8" in the form of the aria-keyshortcuts attribute. */
export function ariaKeyShortcut(shortcut: string): string {
  return shortcut
    .split('-')
    .map((part) =>
      part === 'Mod'
        ? IS_MAC
          ? 'Meta'
          : 'Control'
        : part === 'Shift' || part === 'Alt'
          ? part
          : part.toUpperCase(),
    )
    .join('+');
}
