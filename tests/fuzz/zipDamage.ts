import type { Random } from './mulberry32';

interface DirectoryRecord {
  /** Where the central directory record starts. */
  at: number;
  /** Where the part's local header starts. */
  local: number;
  name: string;
}

/** The end record's position and the central directory's records, for damaging them. */
function readDirectory(
  bytes: Uint8Array,
): { end: number; start: number; records: DirectoryRecord[] } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let at = bytes.length - 22; at >= 0; at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const start = view.getUint32(end + 16, true);
  const records: DirectoryRecord[] = [];
  for (let at = start; at + 46 <= end && view.getUint32(at, true) === 0x02014b50;) {
    const nameLength = view.getUint16(at + 28, true);
    records.push({
      at,
      local: view.getUint32(at + 42, true),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return records.length > 0 ? { end, start, records } : null;
}

const SIZES = [0, 1, 0x7fffffff, 0xffffffff, 250 * 1024 * 1024, 0x10000];

/**
 * Damages a ZIP's structure rather than its contents, the ways a truncated download, a bad
 * disk or a hostile file does: a part's packed bytes, its declared sizes, method, CRC, offset or
 * name length, the part count, or the whole directory cut off. Returns null for bytes that are
 * not a readable ZIP.
 */
export function damageZip(random: Random, bytes: Uint8Array): [string, Uint8Array] | null {
  const directory = readDirectory(bytes);
  if (!directory) return null;
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const record = random.pick(directory.records);
  const sized = (value: number) => (random.next() < 0.7 ? random.pick(SIZES) : value);
  const damages: (() => string)[] = [
    () => {
      // The packed bytes: 30 bytes past the local header is inside the name or the data.
      const from = record.local + 30;
      const n = 1 + random.int(8);
      for (let i = 0; i < n; i++) {
        const at = from + random.int(Math.max(1, directory.start - from));
        if (at < out.length) out[at] = random.int(256);
      }
      return `data(${n})`;
    },
    () => {
      const size = sized(random.int(0x7fffffff));
      view.setUint32(record.at + 24, size, true);
      if (random.next() < 0.5 && record.local + 26 <= out.length)
        view.setUint32(record.local + 22, size, true);
      return `declared-size=${size}`;
    },
    () => {
      const size = sized(random.int(out.length * 2));
      view.setUint32(record.at + 20, size, true);
      return `packed-size=${size}`;
    },
    () => {
      const method = random.pick([0, 8, 9, 12, 14, 99]);
      view.setUint16(record.at + 10, method, true);
      return `method=${method}`;
    },
    () => {
      view.setUint32(record.at + 16, random.int(0xffffffff), true);
      return 'crc';
    },
    () => {
      const offset = random.next() < 0.5 ? random.int(out.length) : random.pick(SIZES);
      view.setUint32(record.at + 42, offset, true);
      return `offset=${offset}`;
    },
    () => {
      const length = random.int(0x10000);
      view.setUint16(record.at + 28, length, true);
      return `name-length=${length}`;
    },
    () => {
      const count = random.pick([0, 1, directory.records.length + 1, 0xffff]);
      view.setUint16(directory.end + 8, count, true);
      view.setUint16(directory.end + 10, count, true);
      return `part-count=${count}`;
    },
    () => {
      view.setUint32(directory.end + 16, random.int(out.length), true);
      return 'directory-offset';
    },
  ];
  const name = random.pick(damages)();
  if (random.next() < 0.1) {
    // Cut somewhere in the directory: a download that stopped near the end.
    const at = directory.start + random.int(out.length - directory.start);
    return [`zip:cut@${at}`, out.subarray(0, at)];
  }
  return [`zip:${record.name}:${name}`, out];
}
