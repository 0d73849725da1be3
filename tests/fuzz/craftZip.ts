import { constants, crc32, deflateRawSync } from 'node:zlib';

/** One part of a hand-made ZIP: its packed bytes and what the directory says about them. */
export interface CraftedEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  packed: Uint8Array;
  crc32: number;
  /** The unpacked size written in the headers, honest or not. */
  declaredSize: number;
  /** Writes the sizes as ZIP64 (0xFFFFFFFF in the header, real values in an extra field). */
  zip64?: boolean;
}

const encoder = new TextEncoder();

/** A deflated part holding `text`, with honest sizes. */
export function deflatedEntry(name: string, text: string): CraftedEntry {
  const data = encoder.encode(text);
  return {
    name,
    method: 8,
    packed: deflateRawSync(data),
    crc32: crc32(data),
    declaredSize: data.length,
  };
}

/**
 * `megabytes` of zeros deflated without ever holding them: one megabyte is packed with a full
 * flush (so the block stands alone) and its bytes repeated, then an empty final block ends the
 * stream. About 1 KB per megabyte, as a zip bomb packs.
 */
export function deflatedZeros(megabytes: number): {
  packed: Uint8Array;
  crc32: number;
  size: number;
} {
  const zeros = Buffer.alloc(1024 * 1024);
  const block = deflateRawSync(zeros, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const packed = new Uint8Array(block.length * megabytes + 2);
  let crc = 0;
  for (let i = 0; i < megabytes; i++) {
    packed.set(block, i * block.length);
    crc = crc32(zeros, crc);
  }
  packed.set([0x03, 0x00], block.length * megabytes);
  return { packed, crc32: crc, size: megabytes * 1024 * 1024 };
}

/** Writes a ZIP archive from parts exactly as given: local headers, data, directory, end record. */
export function craftZip(entries: readonly CraftedEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const extra = entry.zip64 ? new Uint8Array(28) : new Uint8Array(0);
    if (entry.zip64) {
      const view = new DataView(extra.buffer);
      view.setUint16(0, 0x0001, true);
      view.setUint16(2, 24, true);
      view.setBigUint64(4, BigInt(entry.declaredSize), true);
      view.setBigUint64(12, BigInt(entry.packed.length), true);
      view.setBigUint64(20, BigInt(offset), true);
    }
    const sizes = (view: DataView, at: number) => {
      view.setUint32(at, entry.zip64 ? 0xffffffff : entry.packed.length, true);
      view.setUint32(at + 4, entry.zip64 ? 0xffffffff : entry.declaredSize, true);
    };
    const local = new Uint8Array(30 + name.length + extra.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, entry.zip64 ? 45 : 20, true);
    lv.setUint16(8, entry.method, true);
    lv.setUint32(14, entry.crc32 >>> 0, true);
    sizes(lv, 18);
    lv.setUint16(26, name.length, true);
    lv.setUint16(28, extra.length, true);
    local.set(name, 30);
    local.set(extra, 30 + name.length);
    const header = new Uint8Array(46 + name.length + extra.length);
    const cv = new DataView(header.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, entry.zip64 ? 45 : 20, true);
    cv.setUint16(6, entry.zip64 ? 45 : 20, true);
    cv.setUint16(10, entry.method, true);
    cv.setUint32(16, entry.crc32 >>> 0, true);
    sizes(cv, 20);
    cv.setUint16(28, name.length, true);
    cv.setUint16(30, extra.length, true);
    cv.setUint32(42, entry.zip64 ? 0xffffffff : offset, true);
    header.set(name, 46);
    header.set(extra, 46 + name.length);
    chunks.push(local, entry.packed);
    central.push(header);
    offset += local.length + entry.packed.length;
  }
  const directorySize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, directorySize, true);
  ev.setUint32(16, offset, true);
  const all = [...chunks, ...central, end];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of all) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** The parts of a one-paragraph Word document, ready for a bomb part beside them. */
export function wordParts(): CraftedEntry[] {
  return [
    deflatedEntry(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    deflatedEntry(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    deflatedEntry(
      'word/document.xml',
      `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body><w:p><w:r><w:t>Councils rely on untied grants.</w:t></w:r></w:p></w:body></w:document>`,
    ),
  ];
}

/** Word files that would unpack to far more than they hold, each a different way. */
export function wordZipBombs(): { label: string; fileName: string; bytes: Uint8Array }[] {
  const zeros = deflatedZeros(300);
  const half = deflatedZeros(150);
  const part = (declaredSize: number, zip64 = false): CraftedEntry => ({
    name: 'customXml/item1.xml',
    method: 8,
    packed: zeros.packed,
    crc32: zeros.crc32,
    declaredSize,
    zip64,
  });
  const small = deflatedEntry('customXml/item1.xml', '<a/>');
  return [
    {
      label: 'Word zip bomb: 300 MB of zeros, honestly declared',
      fileName: 'bomb-declared.docx',
      bytes: craftZip([...wordParts(), part(zeros.size)]),
    },
    {
      label: 'Word zip bomb: 300 MB of zeros declared as 1 KB',
      fileName: 'bomb-lying.docx',
      bytes: craftZip([...wordParts(), part(1024)]),
    },
    {
      label: 'Word zip bomb: ZIP64 sizes claiming 2 GB',
      fileName: 'bomb-zip64.docx',
      bytes: craftZip([...wordParts(), { ...small, declaredSize: 2 ** 31, zip64: true }]),
    },
    {
      label: 'Word zip bomb: one part packed 1000 to 1',
      fileName: 'bomb-ratio.docx',
      bytes: craftZip([
        ...wordParts(),
        { ...part(half.size), packed: half.packed, crc32: half.crc32 },
      ]),
    },
    {
      label: 'Word zip bomb: 20 000 empty parts',
      fileName: 'bomb-parts.docx',
      bytes: craftZip([
        ...wordParts(),
        ...Array.from({ length: 20_000 }, (_, i) => ({ ...small, name: `customXml/item${i}.xml` })),
      ]),
    },
  ];
}
