import { inflateRawSync } from 'node:zlib';
import {
  DOCX_RATIO_CHECKED_BYTES,
  MAX_DOCX_PACKING_RATIO,
  MAX_DOCX_PARTS,
  MAX_DOCX_UNPACKED_BYTES,
} from '../../../shared/importLimits';
import { ImportError } from '../ImportError';
import { readZipDirectory, zipEntryDataOffset } from './readZipDirectory';

const DEFLATED = 8;

function size(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

const count = (n: number): string => Math.round(n).toLocaleString('en');

function tooLarge(fileName: string, reason: string): ImportError {
  return new ImportError('too_large', `“${fileName}” ${reason}; it may be a zip bomb.`);
}

/**
 * Checks what a Word file would unpack to before any of it is inflated (JSZip and mammoth inflate
 * whatever they are given): its number of parts, their total declared size and each part's packing
 * ratio. Then inflates each part only up to the size it declares, so a file that lies about its
 * sizes is stopped there instead of filling memory. Throws ImportError('too_large') for a likely
 * zip bomb and ImportError('damaged') for a ZIP whose directory or data cannot be read.
 */
export function checkUnpackedSize(bytes: Uint8Array, fileName: string): void {
  const damaged = new ImportError(
    'damaged',
    `“${fileName}” is damaged or incomplete (its ZIP container cannot be read).`,
  );
  const entries = readZipDirectory(bytes);
  if (!entries) throw damaged;
  if (entries.length > MAX_DOCX_PARTS) {
    throw tooLarge(
      fileName,
      `holds ${count(entries.length)} parts, more than Briefmark reads in a Word file (${count(MAX_DOCX_PARTS)})`,
    );
  }
  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (total > MAX_DOCX_UNPACKED_BYTES) {
    throw tooLarge(
      fileName,
      `would unpack to ${size(total)}, more than Briefmark reads in a Word file (${size(MAX_DOCX_UNPACKED_BYTES)})`,
    );
  }
  for (const entry of entries) {
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > DOCX_RATIO_CHECKED_BYTES && ratio > MAX_DOCX_PACKING_RATIO) {
      throw tooLarge(
        fileName,
        `has a part that would unpack from ${size(entry.compressedSize)} to ${size(entry.uncompressedSize)}, ${count(ratio)} times its packed size`,
      );
    }
  }
  for (const entry of entries) {
    if (entry.method !== DEFLATED || (entry.compressedSize === 0 && entry.uncompressedSize === 0))
      continue;
    const start = zipEntryDataOffset(bytes, entry);
    if (start === null) throw damaged;
    try {
      inflateRawSync(bytes.subarray(start, start + entry.compressedSize), {
        maxOutputLength: Math.max(1, entry.uncompressedSize),
      });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw tooLarge(
          fileName,
          `has a part that unpacks to more than the ${size(entry.uncompressedSize)} it declares`,
        );
      }
      throw damaged;
    }
  }
}
