/**
 * Links from a note back to a highlight in its brief:
 * `briefmark://brief/<briefId>/section/<sectionId>#h-<highlightId>`. They are the only
 * briefmark: addresses a note may hold; the app follows them itself and never hands them to
 * the operating system.
 */
export interface BriefmarkHighlightLink {
  briefId: string;
  sectionId: string;
  highlightId: string;
}

/** The scheme of those links; the desktop app registers itself as its handler. */
export const BRIEFMARK_LINK_SCHEME = 'briefmark';

// Brief and highlight ids are UUIDs; section ids are heading slugs, percent-encoded in the link
// because a slug keeps the letters of any script. Nothing else (no query, no userinfo, no
// port, no second fragment) is allowed.
const PLAIN_ID = '[A-Za-z0-9][A-Za-z0-9_-]{0,127}';
const ENCODED_ID = '(?:[A-Za-z0-9_-]|%[0-9A-Fa-f]{2}){1,384}';
const HIGHLIGHT_LINK = new RegExp(
  `^briefmark://brief/(${PLAIN_ID})/section/(${ENCODED_ID})#h-(${PLAIN_ID})$`,
);
// What a decoded section id may be: letters, marks and digits of any script, dashes, underscores.
const SECTION_ID = /^[\p{L}\p{M}\p{N}_-]{1,128}$/u;

/** The parts of a highlight link, or null for anything not exactly of that form. */
export function parseBriefmarkHref(href: string): BriefmarkHighlightLink | null {
  if (typeof href !== 'string') return null;
  const match = HIGHLIGHT_LINK.exec(href);
  if (!match) return null;
  const [, briefId, encodedSection, highlightId] = match;
  if (briefId === undefined || encodedSection === undefined || highlightId === undefined) {
    return null;
  }
  let sectionId: string;
  try {
    sectionId = decodeURIComponent(encodedSection);
  } catch {
    return null;
  }
  if (!SECTION_ID.test(sectionId)) return null;
  return { briefId, sectionId, highlightId };
}

/** True for an address of exactly the highlight-link form. */
export function isBriefmarkHref(href: string): boolean {
  return parseBriefmarkHref(href) !== null;
}

/**
 * The link to a highlight; null when an id could not be written in the strict form. Each id is
 * percent-encoded, so any id stays one path segment and the link one Markdown destination.
 */
export function briefmarkHighlightHref(link: BriefmarkHighlightLink): string | null {
  const href = `briefmark://brief/${segment(link.briefId)}/section/${segment(
    link.sectionId,
  )}#h-${segment(link.highlightId)}`;
  const parsed = parseBriefmarkHref(href);
  return parsed &&
    parsed.briefId === link.briefId &&
    parsed.sectionId === link.sectionId &&
    parsed.highlightId === link.highlightId
    ? href
    : null;
}

// encodeURIComponent leaves !'()* as they are; parentheses would unbalance a Markdown link.
function segment(id: string): string {
  return encodeURIComponent(id).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
