import { ImportError } from './ImportError';

// Bidi embedding/override/isolate controls and marks: invisible, and they break search and anchors.
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

interface Signature {
  bytes: number[];
  kind: string;
}

const SIGNATURES: Signature[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], kind: 'a PDF file' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'a ZIP archive (such as a Word document or an EPUB)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], kind: 'an old-style Microsoft Office file' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'a GIF image' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], kind: 'an RTF document' },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

/** Names the binary format the bytes start with, e.g. "a PDF file", or null for anything else. */
export function sniffBinaryKind(bytes: Uint8Array): string | null {
  return SIGNATURES.find((s) => startsWith(bytes, s.bytes))?.kind ?? null;
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return true;
    // C0 controls other than tab, newline, vertical tab, form feed, carriage return and escape.
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 11 && b !== 12 && b !== 13 && b !== 27) controls++;
  }
  return controls > sample.length * 0.02;
}

function decode(bytes: Uint8Array, fileName: string): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (looksBinary(bytes)) {
    throw new ImportError(
      'import_failed',
      `“${fileName}” looks like a binary file, not text, so Briefmark cannot read it.`,
    );
  }
  try {
    // ignoreBOM: false makes the decoder drop a leading UTF-8 byte order mark.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ImportError(
      'import_failed',
      `“${fileName}” is not UTF-8 text (it may use an older encoding such as Windows-1252); save it as UTF-8 and import it again.`,
    );
  }
}

/**
 * Decodes a text file for import: UTF-8 (or UTF-16 with a byte order mark), NFC, without bidi
 * control characters, with `\n` line ends (CRLF, CR, form feeds and line separators become `\n`).
 * Throws ImportError('import_failed') for binary data, invalid UTF-8 or a file with no text.
 */
export function decodeBriefText(fileName: string, bytes: Uint8Array): string {
  const kind = sniffBinaryKind(bytes);
  if (kind) {
    throw new ImportError(
      'import_failed',
      `“${fileName}” is named like a text file but contains ${kind}, so Briefmark cannot read it as text.`,
    );
  }
  const text = decode(bytes, fileName)
    .replace(/^\uFEFF/, '')
    .replace(BIDI_CONTROLS, '')
    .replace(/\uFEFF/g, '')
    .normalize('NFC')
    .replace(/\r\n?|[\f\v\u2028\u2029\u0085]/g, '\n');
  if (text.trim() === '') {
    throw new ImportError('import_failed', `“${fileName}” contains no text to import.`);
  }
  return text;
}
