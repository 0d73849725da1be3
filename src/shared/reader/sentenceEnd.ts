// Sentence boundaries good enough for picking statements out of briefs, in the corpus languages.

const TERMINATOR = /[.!?…。！？؟।]/;
const CLOSERS = /["”’'»)\]]/;
const OPENERS = /["“‘'«([]/;

// Words that end in a full stop without ending the sentence (compared lower-cased, without the dot).
const ABBREVIATIONS = new Set([
  'incl',
  'e.g',
  'i.e',
  'etc',
  'vs',
  'no',
  'nos',
  'fig',
  'figs',
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'approx',
  'cf',
  'art',
  'sec',
  'para',
  'pp',
  'p',
  'vol',
  'ed',
  'jr',
  'sr',
  'inc',
  'ltd',
  'co',
  'corp',
  'govt',
  'dept',
  'est',
  'ca',
  'op',
  'cit',
  'ibid',
  'al',
  'mme',
  'mlle',
  'bzw',
  'ggf',
  'vgl',
  'z.b',
  'd.h',
  'u.a',
  'sog',
  'nr',
  'abs',
  'г',
  'гг',
  'т',
  'тыс',
  'млн',
  'млрд',
  'руб',
  'др',
  'см',
  'ст',
  'п',
  'пп',
  'sra',
  'pág',
  'núm',
]);

function isAbbreviation(text: string, dotIndex: number): boolean {
  let start = dotIndex;
  while (start > 0 && !/\s/.test(text[start - 1] as string)) start -= 1;
  const word = text.slice(start, dotIndex).replace(/^["“‘'«([]+/, '');
  // Initials and dotted abbreviations: "D.C.", "U.S.", "J."
  if (word.length === 1 || word.includes('.')) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** The index just after the sentence that starts at `from`, or -1 when the text ends first. */
export function sentenceEnd(text: string, from = 0): number {
  for (let index = from; index < text.length; index += 1) {
    const char = text[index] as string;
    if (!TERMINATOR.test(char)) continue;
    let end = index + 1;
    while (
      end < text.length &&
      (TERMINATOR.test(text[end] as string) || CLOSERS.test(text[end] as string))
    )
      end += 1;
    if (end >= text.length) return text.length;
    if (text[end] !== ' ') continue;
    let next = end + 1;
    while (next < text.length && OPENERS.test(text[next] as string)) next += 1;
    const nextChar = text[next] ?? '';
    // A lower-case letter after the stop means the sentence goes on ("approx. five").
    if (/\p{Ll}/u.test(nextChar)) continue;
    if (char === '.' && isAbbreviation(text, index)) continue;
    return end;
  }
  return -1;
}

/** Whether `text` ends where a sentence can end (also a list intro's colon or an item's semicolon). */
export function endsLikeStatement(text: string): boolean {
  return /[.!?…:;。！？؟।]["”’'»)\]]*$/.test(text);
}

/** Whether `text` ends a sentence: a full stop, question or exclamation mark. */
export function endsWithTerminator(text: string): boolean {
  return /[.!?…。！？؟।]["”’'»)\]]*$/.test(text);
}

/** Whether the position `index` of `text` starts a sentence. */
export function startsSentence(text: string, index: number): boolean {
  let before = index;
  while (before > 0 && (text[before - 1] === ' ' || OPENERS.test(text[before - 1] as string)))
    before -= 1;
  if (before === 0) return true;
  return /[.!?…:。！？؟।]["”’'»)\]]*$/.test(text.slice(Math.max(0, before - 4), before));
}
