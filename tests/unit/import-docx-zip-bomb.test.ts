import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readZipDirectory } from '../../src/main/import/docx/readZipDirectory';
import { importBriefFile } from '../../src/main/import/importBriefFile';
import { craftZip, deflatedEntry, wordParts, wordZipBombs } from '../fuzz/craftZip';
import { corpusDir } from './helpers/tempLibrary';

const bombs = wordZipBombs();
const bomb = (fileName: string) => bombs.find((b) => b.fileName === fileName)!.bytes;

/** Imports and returns the error, timing it: a bomb must be refused before it is inflated. */
async function refusal(fileName: string, bytes: Uint8Array) {
  const started = performance.now();
  const error = await importBriefFile(fileName, bytes).then(
    () => null,
    (e: unknown) => e as { code: string; message: string },
  );
  return { error, ms: performance.now() - started };
}

describe('Word zip bombs are refused before they are unpacked', () => {
  it('refuses a file whose parts declare more than 200 MB, naming the size', async () => {
    const { error, ms } = await refusal('grants.docx', bomb('bomb-declared.docx'));
    expect(error).toEqual(
      expect.objectContaining({
        code: 'too_large',
        message:
          '“grants.docx” would unpack to 300 MB, more than Briefmark reads in a Word file (200 MB); it may be a zip bomb.',
      }),
    );
    expect(ms).toBeLessThan(1000);
  });

  it('reads ZIP64 sizes too', async () => {
    const { error } = await refusal('grants.docx', bomb('bomb-zip64.docx'));
    expect(error?.message).toBe(
      '“grants.docx” would unpack to 2.0 GB, more than Briefmark reads in a Word file (200 MB); it may be a zip bomb.',
    );
  });

  it('stops a part that unpacks to more than it declares, without inflating the rest', async () => {
    // 300 MB of zeros behind a header claiming 1 KB: JSZip alone would inflate all of it.
    const heapBefore = process.memoryUsage().arrayBuffers;
    const { error, ms } = await refusal('grants.docx', bomb('bomb-lying.docx'));
    expect(error).toEqual(
      expect.objectContaining({
        code: 'too_large',
        message:
          '“grants.docx” has a part that unpacks to more than the 1 KB it declares; it may be a zip bomb.',
      }),
    );
    expect(ms).toBeLessThan(1000);
    expect(process.memoryUsage().arrayBuffers - heapBefore).toBeLessThan(50 * 1024 * 1024);
  });

  it('refuses a large part packed far tighter than Word packs its XML', async () => {
    const { error } = await refusal('grants.docx', bomb('bomb-ratio.docx'));
    expect(error).toEqual(
      expect.objectContaining({
        code: 'too_large',
        message:
          '“grants.docx” has a part that would unpack from 152 KB to 150 MB, 1,011 times its packed size; it may be a zip bomb.',
      }),
    );
  });

  it('refuses a file of tens of thousands of parts', async () => {
    const { error } = await refusal('grants.docx', bomb('bomb-parts.docx'));
    expect(error?.code).toBe('too_large');
    expect(error?.message).toContain('holds 20,003 parts');
  });

  it('refuses a part whose packed bytes are not deflate data as damaged', async () => {
    const parts = wordParts();
    const body = parts[2]!;
    const broken = craftZip([
      ...parts.slice(0, 2),
      { ...body, packed: body.packed.map((b, i) => (i > 4 ? b ^ 0xff : b)) },
    ]);
    const { error } = await refusal('grants.docx', broken);
    expect(error).toEqual(
      expect.objectContaining({
        code: 'damaged',
        message: '“grants.docx” is damaged or incomplete (its ZIP container cannot be read).',
      }),
    );
  });

  it('still imports real Word files, small repetitive ones and ZIPs with bytes before them', async () => {
    const corpus = 'alga-2025-financial-assistance-grants-policy-brief.docx';
    const bytes = new Uint8Array(readFileSync(join(corpusDir, corpus)));
    expect((await importBriefFile(corpus, bytes)).sections.length).toBeGreaterThan(3);
    const body = `<w:p><w:r><w:t>Body text.</w:t></w:r></w:p>`.repeat(3_000);
    const repetitive = craftZip([
      ...wordParts().slice(0, 2),
      deflatedEntry(
        'word/document.xml',
        `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
      ),
    ]);
    expect((await importBriefFile('repetitive.docx', repetitive)).sections.length).toBe(1);
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.values(zip.files).map((f) => f.name);
    const prefixed = new Uint8Array([...new Uint8Array(4096).fill(0x20), ...bytes]);
    // Starts with spaces, so only the ZIP directory's reader sees it: offsets shift by 4096.
    expect(readZipDirectory(prefixed)?.map((e) => e.name)).toEqual(names);
    expect(readZipDirectory(bytes)?.map((e) => e.name)).toEqual(names);
  });
});
