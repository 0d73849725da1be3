const INTRO_HEADINGS: Record<string, string> = {
  en: 'Introduction',
  de: 'Einleitung',
  fr: 'Introduction',
  ru: 'Введение',
  uk: 'Вступ',
  ar: 'مقدمة',
  he: 'מבוא',
  th: 'บทนำ',
};

/**
 * The heading given to text before a brief's first heading, in the brief's language.
 * Not the title: the title already heads the brief, and repeating it would show it twice.
 */
export function introHeading(language: string | null): string {
  return INTRO_HEADINGS[language ?? 'en'] ?? 'Introduction';
}
