// "war-" at a line end before "torn": keep the hyphen, drop the line break.
const HYPHEN_BREAK = /\p{L}-$/u;
const LOWERCASE_START = /^\p{Ll}/u;

/** Joins the lines of a paragraph with spaces, closing words hyphenated across a line end. */
export function joinTextLines(lines: readonly string[]): string {
  const parts: string[] = [];
  let previous: string | null = null;
  for (const line of lines) {
    // Only the previous line's end is tested: testing the growing paragraph made this quadratic.
    if (previous !== null) {
      parts.push(HYPHEN_BREAK.test(previous) && LOWERCASE_START.test(line) ? '' : ' ');
    }
    parts.push(line);
    previous = line;
  }
  return parts.join('');
}
