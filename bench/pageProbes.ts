// Functions that Playwright runs inside the page for bench/readerOpen.bench.ts. Each is sent as
// source text, so it may use nothing from this module's scope but types.

/** What the paint probe records, on the page's clock (ms since the navigation started). */
export interface ProbeState {
  /** The click that opened the brief; null on the static page, opened by navigation. */
  openAt: number | null;
  /** The first section's heading painted. */
  paint: number | null;
  /** Every section in the DOM. */
  complete: number | null;
  method: string;
  /** Frames that took over 50 ms (Long Animation Frames): start and duration. */
  longFrames: [number, number][];
}

interface TimingEntry extends PerformanceEntry {
  identifier?: string;
  renderTime?: number;
}

type PageScope = typeof globalThis & { __bench: ProbeState };

/**
 * Installed in the page before the open: records when the first section's heading is painted,
 * and when the last of `sections` sections is in the DOM.
 * Element Timing (an `elementtiming` attribute on that heading, which BriefDocument sets) gives
 * the time Chromium presented the frame with its text, for content a script adds later as well
 * as for parsed HTML, so the app and the static page are measured by the same clock.
 * Where no entry with a renderTime arrives, a MutationObserver + double requestAnimationFrame
 * stands in: the second frame callback runs after the frame holding the heading was produced.
 */
export function installPaintProbe(sections: number): void {
  const scope = globalThis as unknown as PageScope;
  const state: ProbeState = {
    openAt: null,
    paint: null,
    complete: null,
    method: '',
    longFrames: [],
  };
  scope.__bench = state;
  scope.addEventListener('click', (event) => (state.openAt ??= event.timeStamp), {
    capture: true,
  });
  new scope.PerformanceObserver((list) => {
    for (const entry of list.getEntries() as TimingEntry[]) {
      if (entry.identifier !== 'first-section' || !entry.renderTime || state.paint !== null) {
        continue;
      }
      state.paint = entry.renderTime;
      state.method = 'Element Timing';
    }
  }).observe({ type: 'element', buffered: true });
  new scope.PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longFrames.push([entry.startTime, entry.duration]);
  }).observe({ type: 'long-animation-frame', buffered: true });

  let headingSeen = false;
  const check = (): boolean => {
    if (!headingSeen && scope.document.querySelector('[elementtiming="first-section"]')) {
      headingSeen = true;
      scope.requestAnimationFrame(() =>
        scope.requestAnimationFrame(() => {
          const framed = performance.now();
          // Element Timing, where it works, reports that same frame a moment later.
          setTimeout(() => {
            if (state.paint !== null) return;
            state.paint = framed;
            state.method = 'MutationObserver + double rAF';
          }, 3000);
        }),
      );
    }
    if (scope.document.querySelectorAll('.doc section[data-section-id]').length < sections)
      return false;
    state.complete = performance.now();
    return true;
  };
  const watch = () => {
    if (check()) return;
    const observer = new scope.MutationObserver(() => {
      if (check()) observer.disconnect();
    });
    observer.observe(scope.document, { childList: true, subtree: true });
  };
  if (scope.document.documentElement) watch();
  else scope.addEventListener('DOMContentLoaded', watch);
}

/** The probe's record once the heading is painted and every section is in; null before. */
export function finishedProbe(): ProbeState | null {
  const state = (globalThis as unknown as PageScope).__bench;
  return state.paint === null || state.complete === null ? null : state;
}

/** The time of the click that opened the brief, once it happened. */
export function openedAt(): number | null {
  return (globalThis as unknown as PageScope).__bench.openAt;
}

/** Scrolls the reading column to its end, `step` pixels a frame; returns the frame intervals. */
export function scrollThrough(step: number): Promise<number[]> {
  const scope = globalThis as unknown as PageScope;
  const scroller = scope.document.querySelector<HTMLElement>('.reader-main');
  if (!scroller) throw new Error('The page has no .reader-main.');
  scroller.scrollTop = 0;
  return new Promise((resolve) => {
    const frames: number[] = [];
    let last = 0;
    let still = 0;
    const tick = (now: number) => {
      if (last) frames.push(now - last);
      last = now;
      const before = scroller.scrollTop;
      scroller.scrollTop = before + step;
      // The end is where scrolling stops moving, twice: estimated sizes may settle once.
      still = scroller.scrollTop === before ? still + 1 : 0;
      if (still >= 2) resolve(frames);
      else scope.requestAnimationFrame(tick);
    };
    scope.requestAnimationFrame(tick);
  });
}
