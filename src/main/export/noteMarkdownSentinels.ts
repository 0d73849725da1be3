/**
 * Placeholders put into a note before TipTap serializes it, replaced afterwards: TipTap escapes
 * backslashes in text, so escapes and hard breaks it does not write are added this way.
 * Both are Unicode noncharacters, which text never legitimately contains.
 */
export const ESCAPE_SENTINEL = '\uFDD0';
/** A paragraph of its own between two lists that would otherwise run together as one. */
export const LIST_SEPARATOR_SENTINEL = '\uFDD1';
/** Wraps `<fence length>:<code line count>` in a code block's language. */
export const FENCE_SENTINEL = '\uFDD2';

const SENTINELS = /[\uFDD0-\uFDD2]/g;

/** Removes sentinel characters from user text so they cannot be mistaken for ours. */
export function stripSentinels(text: string): string {
  return text.replace(SENTINELS, '');
}

const FENCE_OPENING = new RegExp(`\`\`\`${FENCE_SENTINEL}(\\d+):(\\d+)${FENCE_SENTINEL}`);

/** Turns the placeholders in TipTap's output into Markdown. */
export function resolveSentinels(markdown: string): string {
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const match = FENCE_OPENING.exec(lines[i] ?? '');
    if (!match) continue;
    const fence = '`'.repeat(Number(match[1]));
    lines[i] = (lines[i] ?? '').replace(match[0], fence);
    const closing = i + Number(match[2]) + 1;
    const closingLine = lines[closing];
    if (closingLine !== undefined && closingLine.endsWith('```')) {
      lines[closing] = `${closingLine.slice(0, -3)}${fence}`;
    }
  }
  // An empty HTML comment is CommonMark's own way to end a list before another one starts.
  return lines
    .join('\n')
    .replaceAll(ESCAPE_SENTINEL, '\\')
    .replaceAll(LIST_SEPARATOR_SENTINEL, '<!-- -->');
}
