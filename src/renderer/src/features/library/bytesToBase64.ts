// A multiple of 3 bytes, so each chunk encodes without padding and the pieces concatenate.
const CHUNK_BYTES = 3 * 16 * 1024;
// Below the engine's argument limit for String.fromCharCode(...).
const SPREAD_BYTES = 8 * 1024;

/** Base64 of any number of bytes, in chunks so large files never overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  const pieces: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
    const chunk = bytes.subarray(start, start + CHUNK_BYTES);
    let binary = '';
    for (let offset = 0; offset < chunk.length; offset += SPREAD_BYTES) {
      binary += String.fromCharCode(...chunk.subarray(offset, offset + SPREAD_BYTES));
    }
    pieces.push(btoa(binary));
  }
  return pieces.join('');
}
