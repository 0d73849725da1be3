import { isSafeNoteHref } from '../../../../shared/notes/noteExtensions';

/**
 * The address a user typed for a note link, made absolute when it is a bare domain or e-mail
 * address; null when it is not an http, https or mailto address.
 */
export function safeLinkHref(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed || /\s/.test(trimmed)) return null;
  let candidate = trimmed;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) {
    if (/^[^@/]+@[^@/]+\.[^@/]+$/.test(trimmed)) candidate = `mailto:${trimmed}`;
    else if (/^[^/]+\.[a-z]{2,}(\/.*)?$/i.test(trimmed)) candidate = `https://${trimmed}`;
    else return null;
  }
  if (!isSafeNoteHref(candidate)) return null;
  if (/^https?:/i.test(candidate)) {
    try {
      const url = new URL(candidate);
      if (!url.hostname) return null;
    } catch {
      return null;
    }
  }
  return candidate;
}
