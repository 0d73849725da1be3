/**
 * Bumped if the hash function ever changes, so an old hash reads as "text changed" (and the
 * highlight is re-anchored by its quote) rather than being compared with a different function.
 */
const HASH_VERSION = 'h1:';

/**
 * A fingerprint of a section's plain text, stored with each highlight to tell cheaply whether
 * the text its offsets refer to is still the same. Not cryptographic: cyrb53 (53 bits) over the
 * UTF-16 code units, fast enough to hash a whole brief on every load; a collision only means a
 * highlight is checked against its quote, never that it is dropped. Always `h1:` + 14 hex digits.
 */
export function sectionTextHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  // 21 high bits from h2 and 32 low bits from h1, written as two fixed-width parts so the
  // result never goes through a float and always has the same length.
  const high = (h2 & 0x1fffff).toString(16).padStart(6, '0');
  const low = (h1 >>> 0).toString(16).padStart(8, '0');
  return `${HASH_VERSION}${high}${low}`;
}
