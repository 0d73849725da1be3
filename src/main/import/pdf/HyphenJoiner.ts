const WORD = /[\p{L}\p{M}]+(?:[-\u2010][\p{L}\p{M}]+)*/gu;

/**
 * Decides how a word broken at a line end ("regu-" + "lations") is rejoined, using the words
 * the document itself uses elsewhere: the joined form if it occurs, the hyphenated compound if
 * that occurs or both halves are words of the document ("decision-" + "making"), else joined.
 */
export class HyphenJoiner {
  private readonly words = new Set<string>();

  /** Records the words of a line, leaving out a hyphenated fragment at its end. */
  addLine(text: string): void {
    const trimmed = text.trimEnd();
    // The regular expression only runs on the few lines that end with a hyphen.
    const body = /[-\u00AD\u2010]/.test(trimmed.charAt(trimmed.length - 1))
      ? trimmed.replace(/[\p{L}\p{M}]+[-\u00AD\u2010]$/u, '')
      : trimmed;
    for (const m of body.matchAll(WORD)) {
      const word = m[0].toLowerCase();
      this.words.add(word.includes('\u2010') ? word.replace(/\u2010/g, '-') : word);
    }
  }

  /** True when "head-" at a line end and "tail" on the next line are one word without the hyphen. */
  shouldJoin(head: string, tail: string): boolean {
    const h = head.toLowerCase();
    const t = tail.toLowerCase();
    if (this.words.has(h + t)) return true;
    if (this.words.has(`${h}-${t}`)) return false;
    if (/^\p{Lu}/u.test(tail)) return false;
    if (h.length >= 2 && t.length >= 2 && this.words.has(h) && this.words.has(t)) {
      // Short stems such as "con" or "eco" are word parts more often than words.
      return h.length < 4;
    }
    return true;
  }
}
