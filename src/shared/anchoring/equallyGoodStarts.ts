/** How much of the quote's beginning decides where a match starts: one machine word. */
const LEADING_LENGTH = 32;
/** How many later starts are tried. */
const MAX_SHIFT = 32;

/**
 * Edit distance between `pattern` (at most 32 code units, bit masks in `peq`) and the text from
 * exactly `from` on, the text's end free: what it costs for a match to start there. Myers'
 * bit-vector algorithm (Hyyrö's whole-string form), keeping the best score over the columns.
 */
function costFrom(
  peq: Map<number, number>,
  length: number,
  text: string,
  from: number,
  span: number,
): number {
  const last = 1 << (length - 1);
  let pv = -1;
  let mv = 0;
  let score = length;
  let lowest = score;
  for (let j = from; j < Math.min(text.length, from + span); j += 1) {
    const eq = peq.get(text.charCodeAt(j)) ?? 0;
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & last) score += 1;
    else if (mh & last) score -= 1;
    ph = (ph << 1) | 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    if (score < lowest) lowest = score;
  }
  return lowest;
}

/**
 * The starts, from `start` on, at which an approximate match of `quote` costs no more than at
 * `start`. approx-string-match reports the leftmost of them, which may take in stray
 * characters before the passage ("tor.\n\nAgencies" for "Both agencies"); the caller picks
 * among them by context. Only the quote's first 32 characters are aligned, and only the next
 * 32 starts tried, so this stays cheap on long quotes; a match that begins with the quote's
 * own first character is taken to start right.
 */
export function equallyGoodStarts(
  text: string,
  quote: string,
  start: number,
  errors: number,
): number[] {
  if (errors === 0 || text.charCodeAt(start) === quote.charCodeAt(0)) return [start];
  const leading = quote.slice(0, LEADING_LENGTH);
  const peq = new Map<number, number>();
  for (let i = 0; i < leading.length; i += 1) {
    const code = leading.charCodeAt(i);
    peq.set(code, (peq.get(code) ?? 0) | (1 << i));
  }
  const span = leading.length + errors;
  const cost = costFrom(peq, leading.length, text, start, span);
  const starts = [start];
  for (let shift = 1; shift <= Math.min(errors, MAX_SHIFT); shift += 1) {
    if (start + shift >= text.length) break;
    if (costFrom(peq, leading.length, text, start + shift, span) <= cost) {
      starts.push(start + shift);
    }
  }
  return starts;
}
