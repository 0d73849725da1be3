import { offsetInSection } from './offsetInSection';
import { SECTION_SELECTOR } from './sectionSelector';
import { runEndingAfter, runStartingBefore, type SectionRuns, sectionRuns } from './sectionRuns';

export interface SectionRange {
  sectionId: string;
  start: number;
  end: number;
}

const SPACE = /\s/;

/** The sections a range touches, in document order. */
function sectionsTouched(range: Range): Element[] {
  const common = range.commonAncestorContainer;
  const element =
    common.nodeType === Node.ELEMENT_NODE ? (common as Element) : common.parentElement;
  const own = element?.closest(SECTION_SELECTOR);
  if (own) return [own];
  const scope: ParentNode = element ?? (common as Document);
  return [...scope.querySelectorAll(SECTION_SELECTOR)].filter((section) =>
    range.intersectsNode(section),
  );
}

/** Whether the character at `offset`, inside run `index`, is whitespace. */
function isSpaceAt(runs: SectionRuns, index: number, offset: number): boolean {
  const text = runs.texts[index] as string;
  return SPACE.test(text.charAt(offset - (runs.starts[index] as number)));
}

/**
 * `start`..`end` without whitespace at either end. Text between runs is all separators (blank
 * lines, newlines, tabs, the space after a footnote label), so it counts as whitespace too.
 */
function trimmed(runs: SectionRuns, start: number, end: number): [number, number] {
  let from = start;
  let to = end;
  while (from < to) {
    const index = runEndingAfter(runs, from);
    if (index >= runs.starts.length) return [to, to];
    const runStart = runs.starts[index] as number;
    if (from < runStart) from = runStart;
    else if (isSpaceAt(runs, index, from)) from += 1;
    else break;
  }
  // `from` now sits on a character of some run, so a run starts before `to`.
  while (to > from) {
    const index = runStartingBefore(runs, to);
    const runEnd = runs.ends[index] as number;
    if (to > runEnd) to = runEnd;
    else if (isSpaceAt(runs, index, to - 1)) to -= 1;
    else break;
  }
  return [from, to];
}

/**
 * A DOM range, such as the reader's selection, as offsets in the text of each section it
 * touches: one entry per section, in document order, trimmed of surrounding whitespace; parts
 * with no text in them (only a heading, only the space between blocks) are left out.
 */
export function selectionToSectionRanges(range: Range): SectionRange[] {
  if (range.collapsed) return [];
  const ranges: SectionRange[] = [];
  for (const section of sectionsTouched(range)) {
    const runs = sectionRuns(section);
    const start = section.contains(range.startContainer)
      ? offsetInSection(section, range.startContainer, range.startOffset)
      : 0;
    const end = section.contains(range.endContainer)
      ? offsetInSection(section, range.endContainer, range.endOffset)
      : (runs.ends[runs.ends.length - 1] ?? 0);
    const [from, to] = trimmed(runs, start, end);
    if (to > from) ranges.push({ sectionId: runs.sectionId, start: from, end: to });
  }
  return ranges;
}
