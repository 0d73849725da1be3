import { sniffBinaryKind } from '../decodeBriefText';
import { ImportError } from '../ImportError';

// Invisible bidi controls break search and anchors; direction is recomputed from the letters.
const INVISIBLE = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

// Windows-1252's printable characters at 0x80-0x9F; Node's decoder treats the label as Latin-1.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

/** The charset a page declares in its first bytes (`<meta charset>` or http-equiv), if any. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return m?.[1]?.toLowerCase() ?? null;
}

function decoderFor(label: string): { encoding: string; decode(bytes: Uint8Array): string } | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) controls++;
  }
  return controls > sample.length * 0.02;
}

/**
 * Decodes a web page's bytes: byte order mark first, then the declared charset, then UTF-8,
 * then Windows-1252. Returns NFC text without bidi controls. Throws ImportError('import_failed')
 * for binary data.
 */
export function decodeHtmlBytes(bytes: Uint8Array, fileName: string): string {
  let text: string;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) text = new TextDecoder('utf-8').decode(bytes);
  else if (startsWith(bytes, [0xff, 0xfe])) text = new TextDecoder('utf-16le').decode(bytes);
  else if (startsWith(bytes, [0xfe, 0xff])) text = new TextDecoder('utf-16be').decode(bytes);
  else {
    const kind = sniffBinaryKind(bytes);
    if (kind || looksBinary(bytes)) {
      throw new ImportError(
        'import_failed',
        `“${fileName}” is named like a web page but contains ${kind ?? 'binary data'}, so Briefmark cannot read it.`,
      );
    }
    const declared = declaredCharset(bytes);
    // Browsers ignore an in-page UTF-16 declaration: the bytes could not have been read to find it.
    const decoder = declared && !declared.startsWith('utf-16') ? decoderFor(declared) : null;
    if (decoder?.encoding === 'windows-1252') text = decodeWindows1252(bytes);
    else if (decoder && decoder.encoding !== 'utf-8') text = decoder.decode(bytes);
    else {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        text = decodeWindows1252(bytes);
      }
    }
  }
  return text.replace(INVISIBLE, '').normalize('NFC');
}
