import { dropsMark, type MarkFolding, markFoldingOf } from './markFolding';

export interface FoldedCharacter {
  /** What the character reads as in a search: lower case, without ignorable marks. */
  text: string;
  /** How marks that follow this character as separate code points are folded. */
  folding: MarkFolding;
  /** The base letter those following marks attach to. */
  base: number;
}

// Punctuation a keyboard does not type directly is matched by what it does type.
const PUNCTUATION: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u02bc': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
};

/**
 * Arabic letters written in more than one way, read as one (as Lucene's Arabic and Persian
 * normalisers do): alef wasla, alef maksura and Farsi yeh, teh marbuta, keheh, and the heh forms
 * that PDF text layers put in Arabic text (ﻫ comes out as ھ in the corpus's Syria note).
 */
const ARABIC_LETTERS: Readonly<Record<string, string>> = {
  '\u0671': '\u0627',
  '\u0649': '\u064a',
  '\u06cc': '\u064a',
  '\u0629': '\u0647',
  '\u06a9': '\u0643',
  '\u06be': '\u0647',
  '\u06c1': '\u0647',
};
const ARABIC_VARIANT = /[\u0629\u0649\u0671\u06a9\u06be\u06c1\u06cc]/g;

const MARK = /\p{M}/u;
const cache = new Map<number, FoldedCharacter>();

/**
 * Ligatures (ﬁ) and Arabic and Hebrew presentation forms come out of PDF text layers; only a
 * compatibility decomposition turns them back into the letters a reader types.
 */
function isPresentationForm(codePoint: number): boolean {
  return (
    (codePoint >= 0xfb00 && codePoint <= 0xfdff) || (codePoint >= 0xfe70 && codePoint <= 0xfefc)
  );
}

function fold(codePoint: number): FoldedCharacter {
  const character = String.fromCodePoint(codePoint);
  const punctuation = PUNCTUATION[character];
  if (punctuation !== undefined) return { text: punctuation, folding: 'none', base: codePoint };
  const decomposed = character.normalize(isPresentationForm(codePoint) ? 'NFKD' : 'NFD');
  let kept = '';
  let base = codePoint;
  let folding: MarkFolding = 'none';
  for (const part of decomposed) {
    const partCodePoint = part.codePointAt(0) ?? 0;
    if (MARK.test(part)) {
      if (!dropsMark(folding, base, partCodePoint)) kept += part;
    } else {
      base = partCodePoint;
      folding = markFoldingOf(part);
      kept += part;
    }
  }
  // Recomposing keeps the letters whose marks stay (й, ऩ, Korean syllables) one code point, as
  // the imported text has them; final sigma is an ordinary sigma for matching.
  const text = kept
    .normalize('NFC')
    .toLowerCase()
    .replaceAll('ς', 'σ')
    .replace(ARABIC_VARIANT, (letter) => ARABIC_LETTERS[letter] ?? letter);
  return { text, folding, base };
}

/** One code point (not a lone combining mark) as a search sees it; results are cached. */
export function foldCharacter(codePoint: number): FoldedCharacter {
  let folded = cache.get(codePoint);
  if (!folded) {
    folded = fold(codePoint);
    cache.set(codePoint, folded);
  }
  return folded;
}
