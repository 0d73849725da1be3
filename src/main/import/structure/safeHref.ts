/** Keeps http, https and mailto links; anything else (placeholders, relative, script) becomes null. */
export function safeHref(href: string | null | undefined): string | null {
  const trimmed = (href ?? '').trim();
  return /^(?:https?:\/\/|mailto:)\S+$/i.test(trimmed) ? trimmed : null;
}
