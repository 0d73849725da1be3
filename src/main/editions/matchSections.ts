/** What matching needs to know of a section: where it sits in the outline and its text. */
export interface SectionForMatching {
  id: string;
  heading: string;
  parentId: string | null;
  text: string;
}

export type SectionLineageChange = 'same' | 'changed' | 'added';

/** A section of the newer edition and the section of the older one it follows on from. */
export interface SectionMatch {
  sectionId: string;
  previousSectionId: string | null;
  change: SectionLineageChange;
}

/**
 * Two sections' texts must share at least this share of their three-word runs (Dice) to count
 * as the same section under another heading: a section rewritten more than that reads as new.
 */
export const MIN_TEXT_SIMILARITY = 0.5;

/**
 * Pairs each section of a newer edition with the one of the older edition it follows on from,
 * the way a reader would: the same heading in the same place first (same id, then the same
 * heading path, then a heading found once in each), then, for renamed or renumbered headings,
 * the section whose text it mostly shares. Unpaired newer sections are `added`; older sections
 * that nothing pairs with were removed. Paired sections are `same` only when heading and text
 * are both unchanged. Results are in the newer edition's order.
 */
export function matchSections(
  previous: readonly SectionForMatching[],
  next: readonly SectionForMatching[],
): SectionMatch[] {
  const paired = new Map<number, number>(); // next index -> previous index
  const taken = new Set<number>();
  const pair = (nextIndex: number, previousIndex: number) => {
    paired.set(nextIndex, previousIndex);
    taken.add(previousIndex);
  };
  const open = () => ({
    next: next.map((_, index) => index).filter((index) => !paired.has(index)),
    previous: previous.map((_, index) => index).filter((index) => !taken.has(index)),
  });

  // 1. The same id under the same heading.
  const previousById = new Map(previous.map((section, index) => [section.id, index]));
  next.forEach((section, index) => {
    const match = previousById.get(section.id);
    if (match !== undefined && sameHeading(previous[match]!, section)) pair(index, match);
  });

  // 2 and 3. A heading path, then a heading, that occurs once on each side among the unpaired.
  const nextPaths = headingPaths(next);
  const previousPaths = headingPaths(previous);
  pairUnique(
    open(),
    (index) => nextPaths[index]!,
    (index) => previousPaths[index]!,
    pair,
  );
  pairUnique(
    open(),
    (index) => normalHeading(next[index]!.heading),
    (index) => normalHeading(previous[index]!.heading),
    pair,
  );

  // 4. The text, for headings that were reworded.
  pairByText(previous, next, open(), pair);

  return next.map((section, index): SectionMatch => {
    const match = paired.get(index);
    if (match === undefined)
      return { sectionId: section.id, previousSectionId: null, change: 'added' };
    const old = previous[match]!;
    const same = sameHeading(old, section) && old.text === section.text;
    return { sectionId: section.id, previousSectionId: old.id, change: same ? 'same' : 'changed' };
  });
}

function sameHeading(a: SectionForMatching, b: SectionForMatching): boolean {
  return normalHeading(a.heading) === normalHeading(b.heading);
}

/**
 * A heading as compared across editions: case, spacing and a leading number or letter ("2.3",
 * "IV.", "A)") do not matter, since editions renumber sections without renaming them.
 */
export function normalHeading(heading: string): string {
  return heading
    .normalize('NFKC')
    .toLocaleLowerCase()
    .replace(/^\s*(?:\d+(?:\.\d+)*[.)]?|[ivxlc]+[.)]|[a-z][.)])\s+/u, '')
    .replace(/[\s\p{P}]+/gu, ' ')
    .trim();
}

function headingPaths(sections: readonly SectionForMatching[]): string[] {
  const byId = new Map(sections.map((section) => [section.id, section]));
  return sections.map((section) => {
    const parts: string[] = [];
    const seen = new Set<string>();
    for (let at: SectionForMatching | undefined = section; at && !seen.has(at.id);) {
      seen.add(at.id);
      parts.unshift(normalHeading(at.heading));
      at = at.parentId === null ? undefined : byId.get(at.parentId);
    }
    return parts.join(' / ');
  });
}

function pairUnique(
  { next, previous }: { next: number[]; previous: number[] },
  nextKey: (index: number) => string,
  previousKey: (index: number) => string,
  pair: (nextIndex: number, previousIndex: number) => void,
): void {
  const once = (indices: number[], key: (index: number) => string) => {
    const found = new Map<string, number | null>();
    for (const index of indices) {
      const value = key(index);
      if (value === '') continue;
      found.set(value, found.has(value) ? null : index);
    }
    return found;
  };
  const previousOnce = once(previous, previousKey);
  for (const [value, nextIndex] of once(next, nextKey)) {
    const previousIndex = previousOnce.get(value);
    if (nextIndex !== null && previousIndex !== undefined && previousIndex !== null) {
      pair(nextIndex, previousIndex);
    }
  }
}

/** The distinct three-word runs of a text, lower-cased. */
function shingles(text: string): Set<string> {
  const words =
    text
      .normalize('NFKC')
      .toLocaleLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  const runs = new Set<string>();
  for (let i = 0; i + 2 < words.length; i += 1)
    runs.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return runs;
}

/**
 * Pairs the remaining sections by shared three-word runs, best pairs first. An index from run
 * to older sections keeps this proportional to the text, not to the square of the sections.
 */
function pairByText(
  previous: readonly SectionForMatching[],
  next: readonly SectionForMatching[],
  open: { next: number[]; previous: number[] },
  pair: (nextIndex: number, previousIndex: number) => void,
): void {
  if (open.next.length === 0 || open.previous.length === 0) return;
  const previousRuns = new Map<number, number>();
  const index = new Map<string, number[]>();
  for (const previousIndex of open.previous) {
    const runs = shingles(previous[previousIndex]!.text);
    previousRuns.set(previousIndex, runs.size);
    for (const run of runs) {
      const holders = index.get(run);
      if (holders) holders.push(previousIndex);
      else index.set(run, [previousIndex]);
    }
  }
  const candidates: { nextIndex: number; previousIndex: number; score: number }[] = [];
  for (const nextIndex of open.next) {
    const runs = shingles(next[nextIndex]!.text);
    if (runs.size === 0) continue;
    const shared = new Map<number, number>();
    for (const run of runs) {
      for (const holder of index.get(run) ?? []) shared.set(holder, (shared.get(holder) ?? 0) + 1);
    }
    for (const [previousIndex, count] of shared) {
      const score = (2 * count) / (runs.size + previousRuns.get(previousIndex)!);
      if (score >= MIN_TEXT_SIMILARITY) candidates.push({ nextIndex, previousIndex, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.nextIndex - b.nextIndex);
  const pairedNext = new Set<number>();
  const pairedPrevious = new Set<number>();
  for (const { nextIndex, previousIndex } of candidates) {
    if (pairedNext.has(nextIndex) || pairedPrevious.has(previousIndex)) continue;
    pairedNext.add(nextIndex);
    pairedPrevious.add(previousIndex);
    pair(nextIndex, previousIndex);
  }
}
