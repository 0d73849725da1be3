import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/shared/model';
import { MAX_IMPORT_BYTES } from '../../src/shared/importLimits';
import { importBriefFile } from '../../src/main/import/importBriefFile';
import { ImportError } from '../../src/main/import/ImportError';

const corpusDir = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
const corpusFile = (name: string): Uint8Array => readFileSync(join(corpusDir, name));

async function importFailure(fileName: string, bytes: Uint8Array): Promise<ImportError> {
  try {
    await importBriefFile(fileName, bytes);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error(`importing ${fileName} did not fail`);
}

describe('refusing what cannot be imported, with a sentence for the user', () => {
  it('refuses an unknown extension and a name without one, naming what it can import', async () => {
    const bytes = new TextEncoder().encode('Some text.');
    const supported =
      'Briefmark can import PDF, Word (.docx), web pages (.html), Markdown and text files.';
    expect(await importFailure('minutes.rtf', bytes)).toMatchObject({
      code: 'unsupported_format',
      message: `“minutes.rtf” is an RTF document; ${supported}`,
    });
    expect((await importFailure('brief.xyz', bytes)).message).toBe(
      `“brief.xyz” is a .xyz file; ${supported}`,
    );
    expect((await importFailure('README', bytes)).message).toBe(
      `“README” has no file extension; ${supported}`,
    );
  });

  it('refuses an empty file', async () => {
    expect(await importFailure('empty.txt', new Uint8Array())).toMatchObject({
      code: 'import_failed',
      message: '“empty.txt” is empty (0 bytes), so there is nothing to import.',
    });
    expect(await importFailure('blank.md', new TextEncoder().encode(' \n\r\n\t\f'))).toMatchObject({
      code: 'import_failed',
      message: '“blank.md” contains no text to import.',
    });
  });

  it('refuses binary garbage named .txt', async () => {
    const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    expect(await importFailure('garbage.txt', garbage)).toMatchObject({
      code: 'import_failed',
      message: '“garbage.txt” looks like a binary file, not text, so Briefmark cannot read it.',
    });
  });

  it('refuses a PDF renamed to .md, naming what it really is', async () => {
    const error = await importFailure(
      'brief.md',
      corpusFile('crs-legal-sidebar-lsb11421-v1-esa-god-squad-exemption.pdf'),
    );
    expect(error.code).toBe('import_failed');
    expect(error.message).toBe(
      '“brief.md” is named like a text file but contains a PDF file, so Briefmark cannot read it as text.',
    );
  });

  it('refuses text that is not UTF-8', async () => {
    const latin1 = Uint8Array.from([...'Caf'].map((c) => c.charCodeAt(0)).concat([0xe9, 0x0a]));
    const error = await importFailure('menu.txt', latin1);
    expect(error.code).toBe('import_failed');
    expect(error.message).toMatch(/^“menu\.txt” is not UTF-8 text .*save it as UTF-8/);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const error = await importFailure('huge.txt', new Uint8Array(MAX_IMPORT_BYTES + 1));
    expect(error.code).toBe('too_large');
    expect(error.message).toBe('“huge.txt” is 50 MB; Briefmark imports files up to 50 MB.');
  });

  it('reads UTF-8 with a byte order mark and UTF-16 with one', async () => {
    const utf8 = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode('Caf\u0065\u0301 Notes\n\nText.\n'),
    ]);
    expect((await importBriefFile('a.txt', utf8)).meta.title).toBe('Café Notes');
    const utf16 = new Uint8Array(2 + 2 * 12);
    utf16.set([0xff, 0xfe]);
    [...'Title\n\nText.'].forEach((c, i) => utf16.set([c.charCodeAt(0), 0], 2 + 2 * i));
    expect((await importBriefFile('b.txt', utf16)).meta.title).toBe('Title');
  });
});

describe('importing every text and Markdown file in the corpus', () => {
  const files = readdirSync(corpusDir).filter((f) => /\.(txt|md|qmd)$/.test(f));
  type Paragraph = Extract<Block, { type: 'paragraph' }>;
  const paragraphs = (blocks: readonly Block[]): Paragraph[] =>
    blocks.flatMap((b) =>
      b.type === 'paragraph'
        ? [b]
        : b.type === 'list'
          ? b.items.flatMap((i) => paragraphs(i.blocks))
          : b.type === 'quote'
            ? paragraphs(b.blocks)
            : [],
    );
  const plain = (p: Paragraph): string =>
    p.content.map((i) => (i.type === 'text' ? i.text : '')).join('');

  it.each(files)('imports %s into sections with text', async (file) => {
    const doc = await importBriefFile(file, corpusFile(file));
    expect(doc.sections.length).toBeGreaterThan(0);
    expect(doc.sections.some((s) => s.blocks.length > 0)).toBe(true);
    expect(doc.meta.title.trim()).not.toBe('');
    // The invisible bidi controls of the World Bank texts are gone.
    expect(JSON.stringify(doc)).not.toMatch(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/);
  });

  it.each([
    ['worldbank-syrian-conflict-economic-impacts-note-arabic.txt', 'ar'],
    ['worldbank-ahlc-economic-monitoring-2015-09-exec-summary-hebrew.txt', 'he'],
  ])('sets right-to-left paragraphs and the language in %s', async (file, language) => {
    const doc = await importBriefFile(file, corpusFile(file));
    expect(doc.meta.language).toBe(language);
    const all = doc.sections.flatMap((s) => paragraphs(s.blocks));
    const rtl = all.filter((p) => p.dir === 'rtl');
    expect(rtl.length).toBeGreaterThanOrEqual(10);
    // Paragraphs in Latin script (the Arabic note's English reference list) stay left-to-right.
    const latin = all.filter((p) => /^[\p{Script=Latin}\p{P}\p{N}\s]+$/u.test(plain(p)));
    expect(latin.every((p) => p.dir === undefined)).toBe(true);
  });

  it('recognises the Ukrainian snapshot as Ukrainian', async () => {
    const file = 'worldbank-ukraine-economic-snapshot-2017-10-ukrainian.txt';
    expect((await importBriefFile(file, corpusFile(file))).meta.language).toBe('uk');
  });
});
