/** Levenshtein distance by dynamic programming, for patterns too long for one machine word. */
function dynamicDistance(pattern: string, text: string): number {
  let previous = new Int32Array(text.length + 1);
  let current = new Int32Array(text.length + 1);
  for (let j = 0; j <= text.length; j += 1) previous[j] = j;
  for (let i = 1; i <= pattern.length; i += 1) {
    current[0] = i;
    const code = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= text.length; j += 1) {
      const substitution = previous[j - 1]! + (code === text.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[text.length]!;
}

/**
 * Levenshtein distance between a pattern of at most 32 code units and a text, with Myers'
 * bit-vector algorithm (Hyyrö's formulation for whole-string distance): one machine word per
 * text character, so comparing a highlight's context with thousands of candidate places stays
 * cheap.
 */
function bitVectorDistance(peq: Map<number, number>, length: number, text: string): number {
  const last = 1 << (length - 1);
  let pv = -1;
  let mv = 0;
  let score = length;
  for (let j = 0; j < text.length; j += 1) {
    const eq = peq.get(text.charCodeAt(j)) ?? 0;
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & last) score += 1;
    else if (mh & last) score -= 1;
    // Shifting in a 1 makes the top row count insertions before the pattern (whole-string
    // distance, not search).
    ph = (ph << 1) | 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  return score;
}

/**
 * A function telling how alike `pattern` and another string are: 1 - Levenshtein distance /
 * the longer length, so 1 is identical and 0 shares nothing in order; two empty strings are
 * identical. Built once per pattern because one context is compared with many candidates.
 */
export function similarityTo(pattern: string): (text: string) => number {
  const ratio = (distance: number, text: string) =>
    1 - distance / Math.max(pattern.length, text.length, 1);
  if (pattern.length === 0) return (text) => (text.length === 0 ? 1 : 0);
  if (pattern.length > 32) return (text) => ratio(dynamicDistance(pattern, text), text);
  const peq = new Map<number, number>();
  for (let i = 0; i < pattern.length; i += 1) {
    const code = pattern.charCodeAt(i);
    peq.set(code, (peq.get(code) ?? 0) | (1 << i));
  }
  return (text) => ratio(bitVectorDistance(peq, pattern.length, text), text);
}
