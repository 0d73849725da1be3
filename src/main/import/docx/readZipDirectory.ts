/** One part of a ZIP archive, as its central directory describes it. */
export interface ZipDirectoryEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is left to the ZIP reader to refuse. */
  method: number;
  compressedSize: number;
  /** What the archive claims the part unpacks to; a hostile file may lie. */
  uncompressedSize: number;
  /** Where the part's local header starts, already corrected for bytes before the archive. */
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_16 = 0xffff;
const MAX_32 = 0xffffffff;

function findEndRecord(view: DataView): number {
  // The end record is 22 bytes plus a comment of up to 65535 bytes, so it is near the end.
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - MAX_16; at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  return -1;
}

function uint64(view: DataView, at: number): number {
  // Sizes past 2^53 cannot be honest in a file that fits in memory; they still compare as huge.
  return Number(view.getBigUint64(at, true));
}

/** Reads a ZIP64 extra field's sizes for the 32-bit fields that say "see ZIP64". */
function readZip64Extra(
  view: DataView,
  from: number,
  to: number,
  entry: ZipDirectoryEntry,
): boolean {
  for (let at = from; at + 4 <= to;) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    const end = at + 4 + size;
    if (end > to) return false;
    if (id === 0x0001) {
      let field = at + 4;
      const take = (): number | null => {
        if (field + 8 > end) return null;
        const value = uint64(view, field);
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === MAX_32) {
        const value = take();
        if (value === null) return false;
        entry.uncompressedSize = value;
      }
      if (entry.compressedSize === MAX_32) {
        const value = take();
        if (value === null) return false;
        entry.compressedSize = value;
      }
      if (entry.localHeaderOffset === MAX_32) {
        const value = take();
        if (value === null) return false;
        entry.localHeaderOffset = value;
      }
      return true;
    }
    at = end;
  }
  return (
    entry.uncompressedSize !== MAX_32 &&
    entry.compressedSize !== MAX_32 &&
    entry.localHeaderOffset !== MAX_32
  );
}

/**
 * Reads a ZIP archive's central directory (ZIP64 included) without inflating anything, so the
 * sizes it declares can be checked first. Returns null when the directory cannot be read: no end
 * record, offsets outside the file, or headers that do not say what they should.
 */
export function readZipDirectory(bytes: Uint8Array): ZipDirectoryEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  if (end < 0) return null;
  let count = view.getUint16(end + 10, true);
  let size: number = view.getUint32(end + 12, true);
  let offset: number = view.getUint32(end + 16, true);
  // Where the directory should end: the ZIP64 end record when there is one, else the end record.
  let directoryEnd = end;
  const locator = end - 20;
  if (locator >= 0 && view.getUint32(locator, true) === ZIP64_LOCATOR) {
    const record = uint64(view, locator + 8);
    if (record + 56 > bytes.length || view.getUint32(record, true) !== ZIP64_EOCD) {
      // The record may sit after bytes prepended to the archive: found by where it must end.
      const shifted = locator - 56;
      if (shifted < 0 || view.getUint32(shifted, true) !== ZIP64_EOCD) return null;
      directoryEnd = shifted;
    } else {
      directoryEnd = record;
    }
    count = uint64(view, directoryEnd + 32);
    size = uint64(view, directoryEnd + 40);
    offset = uint64(view, directoryEnd + 48);
  } else if (count === MAX_16 || size === MAX_32 || offset === MAX_32) {
    return null;
  }
  // Bytes before the archive (a ZIP inside another file) shift every offset by the same amount.
  const shift = directoryEnd - (offset + size);
  if (shift < 0) return null;
  const entries: ZipDirectoryEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  let at = offset + shift;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directoryEnd || view.getUint32(at, true) !== CENTRAL_HEADER) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > directoryEnd) return null;
    const entry: ZipDirectoryEntry = {
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    const extraStart = at + 46 + nameLength;
    if (!readZip64Extra(view, extraStart, extraStart + extraLength, entry)) return null;
    entry.localHeaderOffset += shift;
    entries.push(entry);
    at = next;
  }
  return entries;
}

/** Where a part's packed bytes start, from its local header; null when the header is not there. */
export function zipEntryDataOffset(bytes: Uint8Array, entry: ZipDirectoryEntry): number | null {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(at, true) !== LOCAL_HEADER) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  return start + entry.compressedSize <= bytes.length ? start : null;
}
