// "war-" at a line end before "torn": keep the hyphen, drop the line break.
const HYPHEN_BREAK = /\p{L}-$/u;
const LOWERCASE_START = /^\p{Ll}/u;

/** Joins the lines of a paragraph with spaces, closing words hyphenated across a line end. */
export function joinTextLines(lines: readonly string[]): string {
  let joined = '';
  for (const line of lines) {
    if (joined === '') joined = line;
    else if (HYPHEN_BREAK.test(joined) && LOWERCASE_START.test(line)) joined += line;
    else joined += ` ${line}`;
  }
  return joined;
}
