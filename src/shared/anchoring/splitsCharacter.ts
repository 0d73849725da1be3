/**
 * True when `index` falls between the two UTF-16 halves of one character (an emoji, a rare CJK
 * sign): an offset there would cut the character, and a lone half does not survive UTF-8.
 */
export function splitsCharacter(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return false;
  const before = text.charCodeAt(index - 1);
  const after = text.charCodeAt(index);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
