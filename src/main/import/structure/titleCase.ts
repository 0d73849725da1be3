const SMALL_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'by',
  'for',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
]);

/** True when the text has cased letters and none of them is lowercase. */
export function isAllCaps(text: string): boolean {
  return /\p{Lu}.*\p{Lu}/su.test(text) && !/\p{Ll}/u.test(text);
}

/**
 * Title-cases an ALL-CAPS line, keeping words the document writes in capitals elsewhere
 * (`acronyms`, e.g. "NATO") and lowercasing short function words after the first word.
 */
export function titleCaseAllCaps(text: string, acronyms: ReadonlySet<string>): string {
  if (!isAllCaps(text)) return text;
  return text
    .split(/(\s+)/)
    .map((word, i) => {
      if (/^\s+$/.test(word)) return word;
      const bare = word.replace(/[^\p{L}\p{N}]/gu, '');
      if (acronyms.has(bare)) return word;
      const lower = word.toLowerCase();
      if (i > 0 && SMALL_WORDS.has(bare.toLowerCase())) return lower;
      return lower.replace(
        /(^|[-/(“"‘])(\p{L})/gu,
        (_, p: string, c: string) => p + c.toUpperCase(),
      );
    })
    .join('');
}

/** Words of two or more capitals that appear inside mixed-case lines: the document's acronyms. */
export function collectAcronyms(lines: readonly string[]): Set<string> {
  const acronyms = new Set<string>();
  for (const line of lines) {
    if (!/\p{Ll}/u.test(line)) continue;
    for (const m of line.matchAll(/(?<![\p{L}])\p{Lu}{2,}(?![\p{L}])/gu)) acronyms.add(m[0]);
  }
  return acronyms;
}
