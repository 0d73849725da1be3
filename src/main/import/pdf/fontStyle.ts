const BOLD = /bold|black|heavy|semibold|demibold|demi\b|-bd|bdcn|bdit|extrabold|ultra|[-,]sb\b/i;
const ITALIC = /italic|oblique|-it\b|-it[A-Z]|ital|[-,]ob\b|bdit|cno\b/i;

/** Bold and italic as a PDF font's name spells them ("ABCDEF+Arial-BoldItalicMT"). */
export function fontStyle(fontName: string): { bold: boolean; italic: boolean } {
  const name = fontName.replace(/^[A-Z]{6}\+/, '');
  return { bold: BOLD.test(name), italic: ITALIC.test(name) };
}
