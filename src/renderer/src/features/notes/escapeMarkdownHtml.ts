// Fenced code blocks and inline code spans, where a backslash would show literally.
const CODE = /(```[\s\S]*?(?:```|$)|~~~[\s\S]*?(?:~~~|$)|`[^`\n]*`)/g;

/**
 * Backslash-escapes `<` outside code, so pasted Markdown never contains HTML: the note keeps
 * `<img onerror=…>` as the literal text the user pasted, and no element is ever built from it.
 */
export function escapeMarkdownHtml(markdown: string): string {
  return markdown
    .split(CODE)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/</g, '\\<')))
    .join('');
}
