import { boldRanges, type FlatText, type TextRange } from './flatText';
import {
  isApparatusLabel,
  opensWithRecommendation,
  RECOMMENDATION_LABEL,
  type ListCue,
} from './keyPointCues';
import { endsLikeStatement, endsWithTerminator, sentenceEnd, startsSentence } from './sentenceEnd';

export type KeyPointKind = 'lead-in' | 'bold-statement' | 'listed' | 'recommendation';

/** What a paragraph or list item says as a key point: its kind, bold lead-in and statement. */
export interface KeyStatement {
  kind: KeyPointKind;
  lead: string | null;
  text: string;
}

/** What is known about the whole brief when judging one of its paragraphs. */
export interface BriefContext {
  /** Headings of the brief's sections and sub-headings, as `comparable` text. */
  headings: string[];
  /** The brief sets its body text in bold, so a bold paragraph stands out for nothing. */
  boldBody: boolean;
}

/** Where the paragraph is. */
export interface StatementPlace {
  /** The cue of the list this paragraph is an item of, when that list holds key points. */
  listCue: ListCue | null;
  inList: boolean;
}

// A bold opening this long that ends in a full stop is a sentence, not a run-in label ("Ukraine.").
const SENTENCE_LEAD_WORDS = 6;
// A statement is shown as one sentence; past this many characters it is cut at a word.
const MAX_STATEMENT_CHARS = 280;

const CLOSERS = /^["”’'»)\]]*/;

export function wordCount(text: string): number {
  // Thai and CJK text has no spaces between words; count roughly by characters instead.
  if (/[\u0E00-\u0E7F\u3040-\u30FF\u4E00-\u9FFF]/.test(text)) return Math.ceil(text.length / 6);
  return text.split(' ').filter((word) => /\p{L}/u.test(word)).length;
}

// Most words capitalised: a name ("the **Office of Disaster Recovery and Resilience**."), not a claim.
function isTitleCase(text: string): boolean {
  const words = text.split(' ').filter((word) => /\p{L}/u.test(word));
  const capitalised = words.filter((word) => /^\P{L}*\p{Lu}/u.test(word)).length;
  return words.length > 0 && capitalised / words.length >= 0.6;
}

export const startsLowercase = (text: string): boolean => /^\P{L}*\p{Ll}/u.test(text);

/** Lower-cased letters and digits only, for comparing statements and headings. */
export const comparable = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function capped(text: string): string {
  if (text.length <= MAX_STATEMENT_CHARS) return text;
  const cut = text.lastIndexOf(' ', MAX_STATEMENT_CHARS - 1);
  return `${text.slice(0, cut > MAX_STATEMENT_CHARS / 2 ? cut : MAX_STATEMENT_CHARS - 1)}…`;
}

export function lastSentence(text: string): string {
  let start = 0;
  for (let end = sentenceEnd(text); end > 0 && end < text.length; end = sentenceEnd(text, end))
    start = end;
  return text.slice(start).trim();
}

/** The first sentence of `text`, capped. */
function firstSentence(text: string): string {
  const end = sentenceEnd(text);
  return capped((end < 0 ? text : text.slice(0, end)).trim());
}

// A paragraph number the brief typed before the statement: "12.", "1.3.", "xiv.", "(a)".
export const PARAGRAPH_NUMBER = /^\(?(?:\d{1,3}(?:\.\d{1,3})*\.?|[ivxlcdm]{1,7}[.)]|[a-z]\))\s/i;

function numberEnd(flat: FlatText): number {
  const match = PARAGRAPH_NUMBER.exec(flat.text);
  if (!match) return 0;
  const numberIsBold = flat.bold.slice(0, match[0].length).some((bold) => bold === true);
  return numberIsBold ? 0 : match[0].length;
}

/** Whether a short bold label repeats a heading ("Allied deterrence and defence" above section II). */
function repeatsHeading(label: string, context: BriefContext): boolean {
  const words = comparable(label).split(' ');
  return context.headings.some((heading) => {
    const headingWordList = heading.split(' ');
    const [shorter, longer] =
      headingWordList.length <= words.length ? [headingWordList, words] : [words, headingWordList];
    if (longer.length - shorter.length > 1) return false;
    return shorter.every((word, index) => longer[index] === word);
  });
}

function leadIn(flat: FlatText, range: TextRange, place: StatementPlace): KeyStatement | null {
  const { text } = flat;
  let lead = text.slice(range.start, range.end).trim();
  let rest = text.slice(range.end);
  // Punctuation right after the bold run belongs to the lead: "**Tunisia**. The country…"
  const punctuation = /^\s*([.:;,!?…]+)/.exec(rest);
  if (punctuation) {
    lead += punctuation[1];
    rest = rest.slice(punctuation[0].length);
  }
  rest = rest.replace(/^\s*[–—-]\s+/, '').trim();
  if (startsLowercase(lead)) return null;
  if (wordCount(lead) < 2 && !/[.:]$/.test(lead)) return null;
  if (isApparatusLabel(lead)) return null;
  if (wordCount(rest) < 3) return null;
  // A converted page whose bold running header is followed by the same words again.
  if (comparable(rest).includes(comparable(lead))) return null;
  if (!place.inList && !endsLikeStatement(text) && wordCount(text) < 15) return null;
  // A whole bold sentence opening the paragraph is the statement; what follows elaborates it.
  if (!place.listCue && endsWithTerminator(lead) && wordCount(lead) >= SENTENCE_LEAD_WORDS)
    return { kind: 'bold-statement', lead: null, text: capped(lead) };
  return { kind: place.listCue ?? 'lead-in', lead, text: firstSentence(rest) };
}

function wholeBoldStatement(statement: string, context: BriefContext): KeyStatement | null {
  if (context.boldBody) return null;
  if (wordCount(statement) < 4 || !endsWithTerminator(statement)) return null;
  if (startsLowercase(statement) || isApparatusLabel(statement)) return null;
  if (isTitleCase(statement) || repeatsHeading(statement, context)) return null;
  return { kind: 'bold-statement', lead: null, text: firstSentence(statement) };
}

/** A bold run that ends a sentence: the sentence, or its emphasised conclusion. */
function boldSentence(flat: FlatText, range: TextRange, start: number): KeyStatement | null {
  const { text } = flat;
  let statement = text.slice(range.start, range.end).trim();
  if (wordCount(statement) < 4 || isApparatusLabel(statement) || isTitleCase(statement))
    return null;
  // A lower-case bold opening is the end of a sentence a page break split, and bold that
  // starts inside a word ("of**tween 2000**") is a converter's mistake.
  if (range.start === start && startsLowercase(statement)) return null;
  if (/\p{L}/u.test(text[range.start - 1] ?? '')) return null;
  const after = text.slice(range.end);
  const closers = (CLOSERS.exec(after) as RegExpExecArray)[0];
  const stop = /^[.!?…。！？؟।]/.exec(after.slice(closers.length));
  if (!endsWithTerminator(statement)) {
    if (!stop) return null;
    statement += stop[0];
  }
  const following = after.slice(closers.length + (stop ? stop[0].length : 0));
  if (following !== '' && !following.startsWith(' ')) return null;
  const wholeSentence = startsSentence(text, range.start) || !startsLowercase(statement);
  return {
    kind: 'bold-statement',
    lead: null,
    text: capped(wholeSentence ? statement : `…${statement}`),
  };
}

/** The key statement of one paragraph or list item, if it makes one. */
export function statementOf(
  flat: FlatText,
  place: StatementPlace,
  context: BriefContext,
): KeyStatement | null {
  const { text } = flat;
  // A table row a converter flattened into a paragraph ("Total | 457.5 | 218.3").
  if (!/\p{L}/u.test(text) || text.split(' | ').length > 2) return null;
  const start = numberEnd(flat);
  const body = text.slice(start);

  const label = RECOMMENDATION_LABEL.exec(body);
  if (label) {
    const rest = body.slice(label[0].length).trim();
    if (wordCount(rest) >= 3)
      return { kind: 'recommendation', lead: label[0].trim(), text: firstSentence(rest) };
  }
  if (opensWithRecommendation(body) && (place.inList || endsLikeStatement(text)))
    return { kind: 'recommendation', lead: null, text: firstSentence(body) };

  const ranges = boldRanges(flat);
  const first = ranges[0];
  const opensBold = first !== undefined && first.start === start;
  if (opensBold && first.end < text.length) {
    const lead = leadIn(flat, first, place);
    if (lead) return lead;
  }
  if (place.listCue) {
    if (wordCount(body) < 2 || isApparatusLabel(body)) return null;
    return { kind: place.listCue, lead: null, text: firstSentence(body) };
  }
  if (opensBold && first.end === text.length) return wholeBoldStatement(body, context);
  for (const range of ranges) {
    const statement = boldSentence(flat, range, start);
    if (statement) return statement;
  }
  return null;
}
