/**
 * Which combining marks a search ignores depends on the script of the letter they sit on:
 * diacritics on Latin, Greek and Cyrillic letters, vowel points on Arabic and Hebrew letters.
 * Marks that spell a sound of their own (Thai vowels and tones, Devanagari signs, Korean jamo,
 * and so on) are always kept, so those scripts match exactly.
 */
export type MarkFolding = 'diacritics' | 'arabic' | 'hebrew' | 'none';

const DIACRITIC_SCRIPTS = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;
const ARABIC = /\p{Script=Arabic}/u;
const HEBREW = /\p{Script=Hebrew}/u;
const MARK = /\p{M}/u;

const ARABIC_ALEF = 0x0627;

/** The folding that applies to the marks following `base` (one code point). */
export function markFoldingOf(base: string): MarkFolding {
  if (DIACRITIC_SCRIPTS.test(base)) return 'diacritics';
  if (ARABIC.test(base)) return 'arabic';
  if (HEBREW.test(base)) return 'hebrew';
  return 'none';
}

/** Harakat, the dagger alef and Quranic annotation signs: reading aids, not letters. */
function isArabicVowelMark(mark: number): boolean {
  return (
    (mark >= 0x0610 && mark <= 0x061a) ||
    (mark >= 0x064b && mark <= 0x0652) ||
    (mark >= 0x0656 && mark <= 0x065f) ||
    mark === 0x0670 ||
    (mark >= 0x06d6 && mark <= 0x06dc) ||
    (mark >= 0x06df && mark <= 0x06e4) ||
    (mark >= 0x06e7 && mark <= 0x06e8) ||
    (mark >= 0x06ea && mark <= 0x06ed) ||
    (mark >= 0x08d3 && mark <= 0x08ff)
  );
}

/** Niqqud and cantillation; the maqaf, paseq, sof pasuq and nun hafukha are punctuation. */
function isHebrewPoint(mark: number): boolean {
  return (
    (mark >= 0x0591 && mark <= 0x05bd) ||
    mark === 0x05bf ||
    mark === 0x05c1 ||
    mark === 0x05c2 ||
    mark === 0x05c4 ||
    mark === 0x05c5 ||
    mark === 0x05c7
  );
}

/**
 * Й, ў and ї are letters of their own in Russian, Belarusian and Ukrainian, and the plain letter
 * spells other words (мой "my" / мои "my, plural"), so their marks stay. Ё is folded to е:
 * Russian print writes е for ё in most running text, so a reader types either.
 */
function isCyrillicLetterMark(base: number, mark: number): boolean {
  if (mark === 0x0306)
    return base === 0x0438 || base === 0x0418 || base === 0x0443 || base === 0x0423;
  if (mark === 0x0308) return base === 0x0456 || base === 0x0406;
  return false;
}

/** Whether a search ignores `mark` after `base` (both single code points). */
export function dropsMark(folding: MarkFolding, base: number, mark: number): boolean {
  switch (folding) {
    case 'diacritics':
      return MARK.test(String.fromCodePoint(mark)) && !isCyrillicLetterMark(base, mark);
    case 'arabic':
      // Hamza and madda on alef (أ إ آ) are folded too: they are usually left off when typing.
      return isArabicVowelMark(mark) || (base === ARABIC_ALEF && mark >= 0x0653 && mark <= 0x0655);
    case 'hebrew':
      return isHebrewPoint(mark);
    case 'none':
      return false;
  }
}
