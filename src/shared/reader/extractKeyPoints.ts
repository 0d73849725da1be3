import type { Block, ListItem, Section } from '../model';
import { boldRanges, flatText, joinFlatText, type FlatText, type TextRange } from './flatText';
import { headingCue, headingWords, introCue, type ListCue } from './keyPointCues';
import {
  comparable,
  lastSentence,
  PARAGRAPH_NUMBER,
  startsLowercase,
  statementOf,
  wordCount,
  type BriefContext,
  type KeyPointKind,
  type KeyStatement,
} from './keyStatement';
import { endsLikeStatement, endsWithTerminator } from './sentenceEnd';

export type { KeyPointKind } from './keyStatement';

/** One of the brief's own key statements, as the key-points digest shows it. */
export interface KeyPoint {
  kind: KeyPointKind;
  /** A bold lead-in ("Ukraine.", "Ministers discussed"), shown bold before `text`; else null. */
  lead: string | null;
  /** The statement, or for a lead-in the rest of its sentence; one sentence, spaces collapsed. */
  text: string;
  /** Index in `section.blocks` of the top-level block the statement is in. */
  blockIndex: number;
  /**
   * Where in that block, for a statement inside a list: the item's index, then (for a nested
   * list) the index of the list among the item's blocks and the index of the item in it, and so
   * on. Empty when the statement is the block itself.
   */
  itemPath: number[];
  /** 1 for the items that complete a statement ending in a colon, shown under it; else 0. */
  depth: number;
}

export interface SectionKeyPoints {
  sectionId: string;
  points: KeyPoint[];
}

// A whole bold paragraph this short without a full stop is a label or a run-in heading.
const LABEL_MAX_WORDS = 10;
// Paragraphs at least this long where most are entirely bold: the PDF's body font is bold.
const BODY_PARAGRAPH_WORDS = 8;
// The same statement or lead this often in one brief is a running header or a field name.
const REPEATED_NOISE = 3;

const isParagraph = (block: Block | undefined): block is Extract<Block, { type: 'paragraph' }> =>
  block?.type === 'paragraph';

/** A whole bold paragraph that is short and has no full stop: a run-in heading. */
function boldLabel(flat: FlatText): string | null {
  const ranges = boldRanges(flat);
  if (ranges.length !== 1 || ranges[0]?.start !== 0 || ranges[0].end !== flat.text.length)
    return null;
  if (wordCount(flat.text) > LABEL_MAX_WORDS || endsWithTerminator(flat.text)) return null;
  return flat.text;
}

// A page break splits a bold sentence into paragraphs; this joins them back. The next paragraph
// continues it when it opens in bold and either starts in lower case or follows a long bold run.
function continuesBoldSentence(previous: FlatText, next: FlatText): boolean {
  if (previous.bold[previous.bold.length - 1] !== true || next.bold[0] !== true) return false;
  if (endsLikeStatement(previous.text) || PARAGRAPH_NUMBER.test(next.text)) return false;
  const lastRun = boldRanges(previous).at(-1) as TextRange;
  if (wordCount(previous.text.slice(lastRun.start)) < 3) return false;
  return startsLowercase(next.text) || wordCount(previous.text) >= 12;
}

interface Collector {
  points: KeyPoint[];
  context: BriefContext;
}

/** A list whose items are key points, and how deep under the statement that introduced it. */
interface KeyList {
  cue: ListCue;
  depth: number;
}

function collectListItems(
  items: readonly ListItem[],
  blockIndex: number,
  pathPrefix: number[],
  keyList: KeyList | null,
  collector: Collector,
): void {
  items.forEach((item, itemIndex) => {
    const path = [...pathPrefix, itemIndex];
    const depth = keyList?.depth ?? 0;
    let introduced: KeyStatement | null = null;
    item.blocks.forEach((child, childIndex) => {
      if (child.type === 'paragraph') {
        // In a key list only the item's own text is the point; later paragraphs explain it.
        const listCue = childIndex === 0 ? (keyList?.cue ?? null) : null;
        const place = { listCue, inList: true };
        const flat = flatText(child.content);
        const statement = statementOf(flat, place, collector.context);
        if (statement) collector.points.push({ ...statement, blockIndex, itemPath: path, depth });
        introduced = opensList(flat, statement) ? statement : null;
      } else if (child.type === 'list') {
        collectListItems(
          child.items,
          blockIndex,
          [...path, childIndex],
          subList(introduced, keyList),
          collector,
        );
        introduced = null;
      }
    });
  });
}

// A bold sentence inside the paragraph is not what its closing colon introduces.
const opensList = (flat: FlatText, statement: KeyStatement | null): boolean =>
  flat.text.endsWith(':') && statement !== null && statement.kind !== 'bold-statement';

// The items under a key statement that ends in a colon (`introduced`) complete it ("Ministers endorsed:"),
// one level deep; below that, and under other statements, only bold text counts.
function subList(introduced: KeyStatement | null, parent: KeyList | null): KeyList | null {
  if (!introduced || (parent?.depth ?? 0) > 0) return null;
  return {
    cue: parent?.cue ?? (introduced.kind === 'recommendation' ? 'recommendation' : 'listed'),
    depth: 1,
  };
}

const inlineText = (block: Extract<Block, { type: 'heading' }>): string =>
  block.content.map((inline) => (inline.type === 'text' ? inline.text : '')).join('');

function collectSection(section: Section, context: BriefContext): KeyPoint[] {
  const collector: Collector = { points: [], context };
  const sectionCue = headingCue(section.heading);
  // A heading's cue reaches the lists right under it, not a long section's every list.
  let cue = sectionCue;
  let paragraphsSinceCue = 0;
  let introduced: KeyStatement | null = null;
  const { blocks } = section;
  for (let index = 0; index < blocks.length; index += 1) {
    const block = blocks[index] as Block;
    const afterStatement = introduced;
    introduced = null;
    if (block.type === 'heading') {
      ({ cue, paragraphsSinceCue } = cueAfterHeading(inlineText(block), cue, paragraphsSinceCue));
    } else if (block.type === 'paragraph') {
      let flat = flatText(block.content);
      let last = index;
      for (let joined = 0; joined < 3; joined += 1) {
        const next = blocks[last + 1];
        if (!isParagraph(next)) break;
        const nextFlat = flatText(next.content);
        if (!continuesBoldSentence(flat, nextFlat)) break;
        flat = joinFlatText(flat, nextFlat);
        last += 1;
      }
      const label = last === index ? boldLabel(flat) : null;
      if (label !== null) {
        ({ cue, paragraphsSinceCue } = cueAfterHeading(label, cue, paragraphsSinceCue));
        continue;
      }
      const statement = statementOf(flat, { listCue: null, inList: false }, context);
      if (statement)
        collector.points.push({ ...statement, blockIndex: index, itemPath: [], depth: 0 });
      // "We further recommend that … take the following step." is followed by the step.
      introduced =
        opensList(flat, statement) || statement?.kind === 'recommendation' ? statement : null;
      paragraphsSinceCue += last - index + 1;
      index = last;
    } else if (block.type === 'list') {
      collectListItems(
        block.items,
        index,
        [],
        subList(afterStatement, null) ?? listCueAt(blocks[index - 1], cue, paragraphsSinceCue),
        collector,
      );
    } else if (block.type === 'quote') {
      for (const child of block.blocks) {
        if (!isParagraph(child)) continue;
        const statement = statementOf(
          flatText(child.content),
          { listCue: null, inList: false },
          context,
        );
        if (statement)
          collector.points.push({ ...statement, blockIndex: index, itemPath: [], depth: 0 });
      }
      paragraphsSinceCue += 1;
    } else {
      paragraphsSinceCue += 1;
    }
  }
  return collector.points;
}

// A sub-heading right under a cue heading ("Recommendations", then "To the ministry:") keeps its
// cue; any other sub-heading that is no cue itself starts text that is not key points.
function cueAfterHeading(
  heading: string,
  cue: ListCue | null,
  paragraphsSinceCue: number,
): { cue: ListCue | null; paragraphsSinceCue: number } {
  const own = headingCue(heading);
  if (own) return { cue: own, paragraphsSinceCue: 0 };
  return paragraphsSinceCue === 0 ? { cue, paragraphsSinceCue } : { cue: null, paragraphsSinceCue };
}

// Lists this close under a cue heading are its key points; farther down they are the text's own.
const CUE_REACH_PARAGRAPHS = 2;

function listCueAt(
  previous: Block | undefined,
  cue: ListCue | null,
  paragraphsSinceCue: number,
): KeyList | null {
  if (isParagraph(previous)) {
    const intro = flatText(previous.content).text;
    // A list that finishes the previous sentence ("Such an approach should") is not a list of statements.
    if (!endsLikeStatement(intro)) return null;
    const named = intro.endsWith(':') ? introCue(lastSentence(intro)) : null;
    if (named) return { cue: named, depth: 0 };
  }
  return cue && paragraphsSinceCue <= CUE_REACH_PARAGRAPHS ? { cue, depth: 0 } : null;
}

function* paragraphsOf(blocks: readonly Block[]): Generator<Extract<Block, { type: 'paragraph' }>> {
  for (const block of blocks) {
    if (block.type === 'paragraph') yield block;
    else if (block.type === 'list')
      for (const item of block.items) yield* paragraphsOf(item.blocks);
    else if (block.type === 'quote') yield* paragraphsOf(block.blocks);
  }
}

function briefContext(sections: readonly Section[]): BriefContext {
  const headings = new Set<string>();
  let longParagraphs = 0;
  let boldParagraphs = 0;
  for (const section of sections) {
    if (section.heading.trim()) headings.add(comparable(headingWords(section.heading)));
    for (const block of section.blocks) {
      if (block.type === 'heading') {
        const heading = block.content
          .map((inline) => (inline.type === 'text' ? inline.text : ''))
          .join('');
        headings.add(comparable(headingWords(heading)));
      }
    }
    for (const paragraph of paragraphsOf(section.blocks)) {
      const flat = flatText(paragraph.content);
      if (wordCount(flat.text) < BODY_PARAGRAPH_WORDS) continue;
      longParagraphs += 1;
      if (flat.bold.every((bold) => bold !== false)) boldParagraphs += 1;
    }
  }
  return {
    headings: [...headings].filter(Boolean),
    boldBody: longParagraphs >= 10 && boldParagraphs > longParagraphs / 2,
  };
}

const pointKey = (point: KeyPoint): string => comparable(`${point.lead ?? ''} ${point.text}`);

function countBy<T>(items: Iterable<T>, key: (item: T) => string | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const value = key(item);
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

/**
 * The brief's own key statements, section by section in document order: bold lead-ins, bold
 * sentences, the items of lists a heading or intro names as key points, decisions or
 * recommendations, and numbered recommendations. Sections without any are left out.
 */
export function extractKeyPoints(brief: { sections: readonly Section[] }): SectionKeyPoints[] {
  const context = briefContext(brief.sections);
  const perSection = brief.sections.map((section) => ({
    sectionId: section.id,
    points: collectSection(section, context),
  }));
  const allPoints = perSection.flatMap(({ points }) => points);
  const statements = countBy(allPoints, pointKey);
  // A lead-in repeated all over the brief is a field name ("Level of matching funds requirement:").
  const leads = countBy(allPoints, (point) =>
    point.kind === 'lead-in' && point.lead ? comparable(point.lead) : null,
  );
  const isNoise = (point: KeyPoint): boolean =>
    (statements.get(pointKey(point)) ?? 0) >= REPEATED_NOISE ||
    (point.kind === 'lead-in' && (leads.get(comparable(point.lead ?? '')) ?? 0) >= REPEATED_NOISE);
  const result: SectionKeyPoints[] = [];
  for (const { sectionId, points } of perSection) {
    const seen = new Set<string>();
    const kept = points.filter((point) => {
      const key = pointKey(point);
      if (seen.has(key) || isNoise(point)) return false;
      seen.add(key);
      return true;
    });
    if (kept.length > 0) result.push({ sectionId, points: kept });
  }
  return result;
}
