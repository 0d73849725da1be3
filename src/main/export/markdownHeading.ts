// Inline Markdown syntax that would change how the heading text renders.
const INLINE_SYNTAX = /[\\`*_[\]~]/g;
// `<` only matters where it could open HTML or an autolink; `&` only before an entity.
const HTML_OPENER = /<(?=[A-Za-z/!?])/g;
const ENTITY = /&(?=#\d{1,7};|#[xX][\dA-Fa-f]{1,6};|[A-Za-z][A-Za-z\d]{1,31};)/g;
// A `#` at the start or after a space: heading markers, a closing sequence, an Obsidian tag.
const HASH_AFTER_SPACE = /(^| )#/g;

/**
 * One ATX heading line (`##` ... `######`) showing `text` as written: whitespace and line breaks
 * collapse to single spaces and Markdown syntax in the text is escaped so it renders literally.
 */
export function markdownHeading(level: number, text: string, fallback: string): string {
  const clamped = Math.min(6, Math.max(1, Math.trunc(level)));
  const collapsed = text.replace(/\s+/gu, ' ').trim() || fallback;
  const escaped = collapsed
    .replace(INLINE_SYNTAX, '\\$&')
    .replace(HTML_OPENER, '\\<')
    .replace(ENTITY, '\\&')
    .replace(HASH_AFTER_SPACE, '$1\\#');
  return `${'#'.repeat(clamped)} ${escaped}`;
}
