/**
 * Opens an http, https or mailto address in the system browser after the user agrees.
 * On desktop the main process asks (naming the address) before it opens anything, so asking
 * here too would ask twice; in web mode the browser opens it, so the page asks.
 */
export function openExternalLink(href: string): void {
  const desktop = typeof window.briefmark?.invoke === 'function';
  if (desktop || window.confirm(`Open ${href} in your browser?`)) {
    window.open(href, '_blank', 'noopener,noreferrer');
  }
}
