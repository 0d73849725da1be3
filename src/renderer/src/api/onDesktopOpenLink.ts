/**
 * Listens for `briefmark://` links the operating system opened the desktop app with (a click in
 * Obsidian, say); returns the function that stops listening. Web mode takes links in its
 * address instead (see linkInLocation), and nothing is ever delivered here.
 */
export function onDesktopOpenLink(listener: (href: string) => void): () => void {
  const bridge = window.briefmark;
  if (typeof bridge?.onOpenLink !== 'function') return () => undefined;
  return bridge.onOpenLink((href) => {
    if (typeof href === 'string') listener(href);
  });
}
