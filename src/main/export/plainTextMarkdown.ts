// Characters that start inline syntax in CommonMark or in the readers people open exports in:
// emphasis, code, links and wiki links, HTML and autolinks, Obsidian tags (#), GFM tables (|),
// strikethrough (~) and Obsidian maths ($). A backslash before any of them is always valid.
const INLINE_SYNTAX = /[\\`*_[\]<#|~$]/g;
// `&` only matters before something that reads as an entity.
const ENTITY = /&(?=#\d{1,7};|#[xX][\dA-Fa-f]{1,6};|[A-Za-z][A-Za-z\d]{1,31};)/g;
// `==text==` highlights and `%%text%%` hides text in Obsidian.
const DOUBLED = /={2,}|%{2,}/g;
// Text at the start of a line that would open a quote, a list, a setext underline or a rule.
const BLOCK_START = /^[>+=-]/;
const ORDERED_LIST_START = /^(\d{1,9})([.)])/;
// Control characters other than tab have no place in Markdown text; CommonMark rewrites NUL.
const CONTROL = /[^\P{Cc}\t]/gu;

/** One line of plain text, escaped so a CommonMark reader shows exactly these characters. */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(INLINE_SYNTAX, '\\$&')
    .replace(ENTITY, '\\&')
    .replace(DOUBLED, (run) => run.replace(/./g, '\\$&'));
}

/**
 * A line of plain text as the start of a Markdown line: edge spaces go (CommonMark would drop
 * them, and four could start a code block) and a leading `>`, `-`, `+`, `=` or `1.` is escaped.
 */
export function escapeMarkdownLine(line: string): string {
  const escaped = escapeMarkdownText(line.replace(CONTROL, ' ').replace(/^[ \t]+|[ \t]+$/g, ''));
  if (BLOCK_START.test(escaped)) return `\\${escaped}`;
  const ordered = ORDERED_LIST_START.exec(escaped);
  if (ordered?.[1]) return `${ordered[1]}\\${escaped.slice(ordered[1].length)}`;
  return escaped;
}

/**
 * Plain text as escaped Markdown paragraphs, each a list of lines: a blank line starts a new
 * paragraph and every other line break stays a line break. Empty when the text has none.
 */
export function plainTextParagraphs(text: string): string[][] {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const escaped = escapeMarkdownLine(line);
    if (escaped !== '') {
      current.push(escaped);
    } else if (current.length > 0) {
      paragraphs.push(current);
      current = [];
    }
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

/**
 * Lines of one paragraph joined with backslash hard breaks: a reader keeps the line breaks,
 * and the file has no trailing spaces. An escaped backslash at a line's end stays literal.
 */
export function joinHardBreaks(lines: readonly string[]): string {
  return lines.join('\\\n');
}

/** Plain text as Markdown paragraphs separated by blank lines; `null` when it has no text. */
export function plainTextMarkdown(text: string): string | null {
  const paragraphs = plainTextParagraphs(text);
  return paragraphs.length > 0 ? paragraphs.map(joinHardBreaks).join('\n\n') : null;
}
