// The words by which briefs announce their key statements, in the corpus languages.

/** What the items of a list introduced by a cue are: recommendations, or other key points. */
export type ListCue = 'recommendation' | 'listed';

const RECOMMENDATION_HEADINGS = [
  'recommendations?',
  'what \\S+ recommends',
  'policy options',
  'recommandations?',
  '(?:handlungs)?empfehlungen',
  'recomendaci[oó]n(?:es)?',
  'рекомендаци[ия]',
];

const KEY_POINT_HEADINGS = [
  'key takeaways?',
  'takeaways?',
  'key points?',
  'key findings?',
  'main findings',
  'findings',
  'key messages?',
  'main messages',
  'decisions?',
  'conclusions?',
  'summary',
  'highlights',
  'points? clés',
  'messages? clés',
  'constats?',
  'décisions?',
  'résumé',
  'synthèse',
  'kernaussagen',
  'kernpunkte',
  'beschlüsse',
  'entscheidungen',
  'schlussfolgerungen',
  'zusammenfassung',
  'fazit',
  'выводы',
  'решения',
  'резюме',
  'заключение',
  'основные положения',
  'puntos clave',
  'mensajes clave',
  'conclusiones',
  'decisiones',
  'resumen',
  'hallazgos',
];

// A heading is a cue when it is one of these phrases, optionally after one qualifying word
// ("Executive Summary", "Policy Recommendations", "Краткие выводы") and before anything else.
const headingPattern = (phrases: string[]) =>
  new RegExp(`^(?:\\p{L}+\\s+)?(?:${phrases.join('|')})(?!\\p{L})`, 'u');
const RECOMMENDATION_HEADING = headingPattern(RECOMMENDATION_HEADINGS);
const KEY_POINT_HEADING = headingPattern(KEY_POINT_HEADINGS);

/** A heading's text without its outline number ("II.", "4.2", "B)"), lower-cased. */
export function headingWords(heading: string): string {
  return heading
    .trim()
    .replace(/^(?:\d+(?:\.\d+)*\.?|[ivxlcdm]+[.)]|[a-z][.)])\s+/i, '')
    .toLowerCase();
}

/** Whether a heading announces recommendations or other key points. */
export function headingCue(heading: string): ListCue | null {
  const words = headingWords(heading);
  if (RECOMMENDATION_HEADING.test(words)) return 'recommendation';
  if (KEY_POINT_HEADING.test(words)) return 'listed';
  return null;
}

const RECOMMEND_WORD = /(?<!\p{L})(?:recommend|recommand|empf(?:e|ie)hl|recomend|рекоменд)/iu;
const KEY_POINT_WORD =
  /(?<!\p{L})(?:key (?:takeaways|points|findings|messages)|takeaways|decisions|decided|conclu|findings|décid|beschl|вывод|решени|clave)/iu;

/** Whether a paragraph that introduces a list ("…its recommendations into the following:") names it. */
export function introCue(paragraph: string): ListCue | null {
  if (RECOMMEND_WORD.test(paragraph)) return 'recommendation';
  if (KEY_POINT_WORD.test(paragraph)) return 'listed';
  return null;
}

/** "Recommendation 1:", "Recommandation n° 2 –", "Empfehlung 3." at the start of a statement. */
export const RECOMMENDATION_LABEL =
  /^(?:recommendation|recommandation|empfehlung|recomendaci[oó]n|рекомендация)\s*(?:(?:no\.?|n°|nr\.?|№|#)\s*)?(?:\d+|[ivx]+)\s*[:.)–—-](?=\s)/iu;

// "We recommend", "GAO recommends", "Specifically, we further recommend", "Nous recommandons", …
const RECOMMENDS =
  /^(?:\p{L}+,\s+)?(?:(?:we|[A-Z]{2,6}|the [\p{L}-]+(?: [\p{L}-]+){0,3})\s+(?:(?:also|further|therefore|strongly|additionally)\s+)?recommends?\s+that(?!\p{L})|nous recommandons|il est recommandé|wir empfehlen|es wird empfohlen|recomendamos|se recomienda|мы рекомендуем|рекомендуется)/iu;

/** Whether a statement opens by recommending something. */
export function opensWithRecommendation(statement: string): boolean {
  return RECOMMENDS.test(statement);
}

// Bold labels of the apparatus around figures and tables, which are never the brief's statements.
const APPARATUS_LABEL =
  /^(?:sources?|notes?|nb|figure|fig|table|box|chart|graph|map|exhibit|appendix|annex|quelle|anmerkung|hinweis|abbildung|tabelle|fuente|nota|cuadro|gráfico|tableau|encadré|graphique|carte|annexe|источник|примечание|рисунок|таблица|график|диаграмма|приложение|вставка)(?!\p{L})/iu;

export function isApparatusLabel(text: string): boolean {
  return APPARATUS_LABEL.test(text.trim());
}
