/**
 * A section's rendered text runs — the elements that carry `data-o`, their start in the
 * section's text (see sectionTextLayout) — in reading order, which is offset order. Empty runs
 * are left out, so starts and ends both increase strictly and can be searched by halving.
 */
export interface SectionRuns {
  sectionId: string;
  elements: Element[];
  texts: string[];
  starts: number[];
  ends: number[];
}

interface Cached {
  runs: SectionRuns;
  observer: MutationObserver;
}

const cache = new WeakMap<Element, Cached>();

function collect(section: Element): SectionRuns {
  const runs: SectionRuns = {
    sectionId: section.getAttribute('data-section-id') ?? '',
    elements: [],
    texts: [],
    starts: [],
    ends: [],
  };
  for (const element of section.querySelectorAll('[data-o]')) {
    const text = element.textContent;
    if (text === '') continue;
    const start = Number(element.getAttribute('data-o'));
    runs.elements.push(element);
    runs.texts.push(text);
    runs.starts.push(start);
    runs.ends.push(start + text.length);
  }
  return runs;
}

/**
 * The runs of a section element, collected once and kept until its content changes (more blocks
 * mounted, a re-render), so that painting hundreds of highlights reads the DOM once.
 */
export function sectionRuns(section: Element): SectionRuns {
  const cached = cache.get(section);
  // Observers report after the current task; takeRecords also sees a change made in this one,
  // such as a flushSync mount just before a jump.
  if (cached && cached.observer.takeRecords().length === 0) return cached.runs;
  cached?.observer.disconnect();
  const runs = collect(section);
  const observer = new MutationObserver(() => {
    observer.disconnect();
    if (cache.get(section)?.observer === observer) cache.delete(section);
  });
  observer.observe(section, { childList: true, subtree: true, characterData: true });
  cache.set(section, { runs, observer });
  return runs;
}

/** The index of the first run that ends after `offset`; `ends.length` when none does. */
export function runEndingAfter(runs: SectionRuns, offset: number): number {
  let low = 0;
  let high = runs.ends.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((runs.ends[middle] as number) > offset) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The index of the last run that starts before `offset`; -1 when none does. */
export function runStartingBefore(runs: SectionRuns, offset: number): number {
  let low = 0;
  let high = runs.starts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((runs.starts[middle] as number) < offset) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}
