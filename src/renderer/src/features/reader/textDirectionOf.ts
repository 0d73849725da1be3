const RTL_LANGUAGES = new Set([
  'ar',
  'arc',
  'dv',
  'fa',
  'ha',
  'he',
  'khw',
  'ks',
  'ku',
  'ps',
  'sd',
  'ur',
  'yi',
]);

/** The base direction for a BCP 47 language tag; 'auto' when the language is unknown. */
export function textDirectionOf(language: string | null): 'ltr' | 'rtl' | 'auto' {
  if (!language) return 'auto';
  const primary = language.toLowerCase().split('-')[0] ?? '';
  return RTL_LANGUAGES.has(primary) ? 'rtl' : 'ltr';
}
