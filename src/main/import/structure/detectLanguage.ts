const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'with', 'are', 'this', 'on'],
  de: ['der', 'die', 'und', 'das', 'nicht', 'mit', 'von', 'für', 'ist', 'den', 'wir', 'eine'],
  fr: ['le', 'la', 'les', 'et', 'des', 'du', 'une', 'est', 'pour', 'dans', 'que', 'sur'],
};

const SAMPLE = 40_000;

/**
 * Guesses a BCP 47 language tag from text by script, then stopwords for Latin script.
 * Knows en, de, fr, ru, uk, ar, he and th; returns null when it cannot tell.
 */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE);
  const count = (re: RegExp): number => sample.match(re)?.length ?? 0;
  const latin = count(/\p{Script=Latin}/gu);
  const scripts: [string, number][] = [
    ['ar', count(/\p{Script=Arabic}/gu)],
    ['he', count(/\p{Script=Hebrew}/gu)],
    ['th', count(/\p{Script=Thai}/gu)],
    ['cyrillic', count(/\p{Script=Cyrillic}/gu)],
  ];
  const [script, n] = scripts.reduce((a, b) => (b[1] > a[1] ? b : a));
  // A quarter of the letters in another script outweighs Latin: such briefs often cite English sources.
  if (n >= 20 && n * 3 >= latin) {
    if (script !== 'cyrillic') return script;
    const ukrainian = count(/[іїєґІЇЄҐ]/g);
    const russian = count(/[ыэъЫЭЪё]/g);
    return ukrainian >= russian ? 'uk' : 'ru';
  }
  if (latin < 20) return null;
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  const scores = new Map<string, number>();
  const lookup = new Map<string, string>();
  for (const [lang, list] of Object.entries(STOPWORDS)) for (const w of list) lookup.set(w, lang);
  for (const w of words) {
    const lang = lookup.get(w);
    if (lang) scores.set(lang, (scores.get(lang) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestScore = 2;
  for (const [lang, score] of scores) {
    if (score > bestScore) {
      best = lang;
      bestScore = score;
    }
  }
  return best;
}

const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en',
  anglais: 'en',
  englisch: 'en',
  french: 'fr',
  français: 'fr',
  francais: 'fr',
  französisch: 'fr',
  german: 'de',
  deutsch: 'de',
  allemand: 'de',
  russian: 'ru',
  русский: 'ru',
  ukrainian: 'uk',
  українська: 'uk',
  arabic: 'ar',
  العربية: 'ar',
  hebrew: 'he',
  עברית: 'he',
  thai: 'th',
  spanish: 'es',
  español: 'es',
  italian: 'it',
  polish: 'pl',
  dutch: 'nl',
  portuguese: 'pt',
  chinese: 'zh',
  japanese: 'ja',
};

/** Maps a language as a document names it ("English", "Deutsch", "fr", "en-GB") to a BCP 47 tag. */
export function languageTag(name: string): string | null {
  const trimmed = name.trim();
  if (/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/i.test(trimmed)) {
    const [primary, ...rest] = trimmed.split('-');
    return [primary?.toLowerCase(), ...rest].join('-');
  }
  return LANGUAGE_NAMES[trimmed.toLowerCase()] ?? null;
}
