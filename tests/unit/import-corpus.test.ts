import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBriefFile } from '../../src/main/import/importBriefFile';
import { ImportError } from '../../src/main/import/ImportError';
import { sectionPlainText } from '../../src/main/import/sectionPlainText';
import { corpusDir } from './helpers/tempLibrary';

/** Corpus files that must be refused, and the code each is refused with. */
const REFUSED: Record<string, string> = {
  'jfk-nara-176-10011-10152-special-group-minutes-1961-scanned.pdf': 'no_text_layer',
  'oddball-gao-08-1075t-html-404-page-saved-as.pdf': 'damaged',
  'gao-07-791-reexamining-regulations-retrospective-reviews.epub': 'unsupported_format',
};

// Every document in the shared corpus, however it arrived; MANIFEST.tsv describes them.
const files = readdirSync(corpusDir).filter((name) => name !== 'MANIFEST.tsv');

describe('every file in the corpus', () => {
  it('lists each corpus file in the manifest', () => {
    const manifest = readFileSync(join(corpusDir, 'MANIFEST.tsv'), 'utf8');
    for (const file of files) expect(manifest).toContain(file);
  });

  it.each(files)(
    '%s imports into readable sections, or is refused for its stated reason',
    async (file) => {
      const bytes = readFileSync(join(corpusDir, file));
      const expectedRefusal = REFUSED[file];
      if (expectedRefusal) {
        const error = await importBriefFile(file, bytes).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ImportError);
        expect((error as ImportError).code).toBe(expectedRefusal);
        expect((error as ImportError).message).toContain(file);
        return;
      }
      const brief = await importBriefFile(file, bytes);
      expect(brief.meta.title.trim().length).toBeGreaterThan(2);
      expect(brief.meta.language).toMatch(/^[a-z]{2}/);
      const text = brief.sections.map(sectionPlainText).join('\n');
      // A real document, not a shell: thousands of characters of text across several sections.
      expect(text.length).toBeGreaterThan(2_000);
      expect(brief.sections.length).toBeGreaterThan(2);
      // Section ids are unique, as notes and highlights are keyed by them.
      const ids = brief.sections.map((section) => section.id);
      expect(new Set(ids).size).toBe(ids.length);
      // Decoding adds no replacement characters (the GAO web page and its Markdown carry a few).
      const replacements = (value: string) => value.split('\uFFFD').length - 1;
      const inSource = /\.(md|qmd|html|txt)$/.test(file) ? replacements(bytes.toString('utf8')) : 0;
      expect(replacements(text)).toBeLessThanOrEqual(inSource);
    },
    60_000,
  );
});
