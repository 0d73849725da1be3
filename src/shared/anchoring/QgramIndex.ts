/**
 * Length of the runs of text the index looks up: long enough to be telling, short enough to
 * survive between the edits of a reworded sentence.
 */
export const QGRAM_LENGTH = 8;

const BASE = 0x01000193;
/** BASE to the power QGRAM_LENGTH - 1, modulo 2^32: what the run's first character weighs. */
const LEADING_WEIGHT = (() => {
  let weight = 1;
  for (let i = 1; i < QGRAM_LENGTH; i += 1) weight = Math.imul(weight, BASE);
  return weight;
})();

/** A polynomial hash of the QGRAM_LENGTH code units of `text` starting at `at`. */
export function qgramHash(text: string, at: number): number {
  let hash = 0;
  for (let i = at; i < at + QGRAM_LENGTH; i += 1) {
    hash = (Math.imul(hash, BASE) + text.charCodeAt(i)) | 0;
  }
  return hash;
}

/**
 * Where each run of QGRAM_LENGTH characters occurs in a text (a brief's sections laid end to end),
 * built once so that finding a highlight approximately in the whole brief means checking a few
 * places that share runs with it instead of scanning half a million characters per highlight.
 * Positions are grouped by bucket (a counting sort on the low bits of each run's hash), so a
 * lookup reads one short stretch of memory; the hash rolls from one position to the next.
 */
export class QgramIndex {
  /** Run hashes and their positions, ordered by bucket. */
  private readonly hashes: Int32Array;
  private readonly positionsByBucket: Int32Array;
  /** Where each bucket's stretch starts in the two arrays above; one more entry marks the end. */
  private readonly bucketStarts: Int32Array;
  private readonly mask: number;

  constructor(text: string) {
    const count = Math.max(0, text.length - QGRAM_LENGTH + 1);
    // About eight runs per bucket: short stretches to scan, and a table that stays in cache.
    const bits = Math.min(22, Math.max(8, Math.ceil(Math.log2(count + 1)) - 3));
    this.mask = (1 << bits) - 1;
    const runHashes = new Int32Array(count);
    let hash = count > 0 ? qgramHash(text, 0) : 0;
    for (let at = 0; at < count; at += 1) {
      if (at > 0) {
        const dropped = Math.imul(text.charCodeAt(at - 1), LEADING_WEIGHT);
        hash = (Math.imul(hash - dropped, BASE) + text.charCodeAt(at + QGRAM_LENGTH - 1)) | 0;
      }
      runHashes[at] = hash;
    }
    const starts = new Int32Array((1 << bits) + 1);
    for (let at = 0; at < count; at += 1) {
      const slot = (runHashes[at]! & this.mask) + 1;
      starts[slot] = starts[slot]! + 1;
    }
    for (let bucket = 0; bucket < 1 << bits; bucket += 1) {
      starts[bucket + 1] = starts[bucket + 1]! + starts[bucket]!;
    }
    this.bucketStarts = starts;
    this.hashes = new Int32Array(count);
    this.positionsByBucket = new Int32Array(count);
    const fill = starts.slice(0, 1 << bits);
    for (let at = 0; at < count; at += 1) {
      const slot = fill[runHashes[at]! & this.mask]!++;
      this.hashes[slot] = runHashes[at]!;
      this.positionsByBucket[slot] = at;
    }
  }

  /**
   * Writes the positions of runs with this hash into `out` from `from` on, shifted by `shift`,
   * and returns how many; -1 (nothing kept) when there are more than `limit`: a run that common
   * ("of the ") says little about where a passage is.
   */
  positionsInto(hash: number, limit: number, shift: number, out: Int32Array, from: number): number {
    const bucket = hash & this.mask;
    let found = 0;
    for (let slot = this.bucketStarts[bucket]!; slot < this.bucketStarts[bucket + 1]!; slot += 1) {
      if (this.hashes[slot] !== hash) continue;
      if (found === limit) return -1;
      out[from + found] = this.positionsByBucket[slot]! + shift;
      found += 1;
    }
    return found;
  }
}
