const BOLD = /bold|black|heavy|semibold|demibold|demi\b|-bd|bdcn|bdit|extrabold|ultra|[-,]sb\b/i;
const ITALIC = /italic|oblique|-it\b|-it[A-Z]|ital|[-,]ob\b|bdit|cno\b/i;

/** How a font sets its text, as far as its name tells. */
export interface FontStyle {
  bold: boolean;
  italic: boolean;
}

export const PLAIN_FONT: FontStyle = { bold: false, italic: false };

/** Bold and italic as a PDF font's name spells them ("ABCDEF+Arial-BoldItalicMT"). */
export function fontStyle(fontName: string): FontStyle {
  const name = fontName.replace(/^[A-Z]{6}\+/, '');
  return { bold: BOLD.test(name), italic: ITALIC.test(name) };
}
