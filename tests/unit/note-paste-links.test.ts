import { readFileSync } from 'node:fs';
import { MarkdownManager } from '@tiptap/markdown';
import { describe, expect, it } from 'vitest';
import { escapeMarkdownHtml } from '../../src/renderer/src/features/notes/escapeMarkdownHtml';
import { withoutUnsafeLinks } from '../../src/shared/notes/withoutUnsafeLinks';
import { createNoteExtensions } from '../../src/shared/notes/noteExtensions';
import { createDispatch } from '../../src/main/api/dispatch';
import { openLibrary } from '../../src/main/services/openLibrary';
import { sampleBriefPath, tempDbPath } from './helpers/tempLibrary';

const PASTED = [
  '[script](javascript:alert(1)) [mixed](JaVaScRiPt:alert(2)) [data](data:text/html,<script>alert(3)</script>)',
  '[file](file:///etc/passwd) [web](https://example.org/report) [mail](mailto:desk@example.org)',
  '- **[bold script](vbscript:msgbox(1))** in a list',
].join('\n\n');

/** The link addresses a note's JSON holds, in document order. */
function hrefs(node: {
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  content?: unknown[];
}): unknown[] {
  const own = (node.marks ?? []).filter((m) => m.type === 'link').map((m) => m.attrs?.href);
  return [...own, ...((node.content ?? []) as (typeof node)[]).flatMap(hrefs)];
}

/** The text of a note's JSON, in document order. */
function text(node: { text?: string; content?: unknown[] }): string {
  return (node.text ?? '') + ((node.content ?? []) as (typeof node)[]).map(text).join('');
}

describe('Markdown pasted into a note', () => {
  // The paste parses the text with the note's own Markdown setup, as the editor does.
  const parsed = new MarkdownManager({ extensions: createNoteExtensions() }).parse(
    escapeMarkdownHtml(PASTED),
  );

  it('would carry script, data and file addresses into the note as parsed', () => {
    expect(hrefs(parsed)).toContain('javascript:alert(1)');
  });

  it('keeps only web and mail links, and all the text', () => {
    const cleaned = withoutUnsafeLinks(parsed);
    expect(hrefs(cleaned)).toEqual(['https://example.org/report', 'mailto:desk@example.org']);
    expect(text(cleaned)).toBe(text(parsed));
    for (const word of ['script', 'mixed', 'data', 'file', 'bold script']) {
      expect(text(cleaned)).toContain(word);
    }
    expect(JSON.stringify(cleaned)).toContain('"bold"');
  });
});

describe('a note saved with unsafe links, by any page that can call the API', () => {
  it('is stored and exported without them, its text whole', async () => {
    const library = openLibrary({ dbPath: tempDbPath(), sampleBriefPath });
    try {
      const dispatch = createDispatch(library);
      const { id: briefId } = await library.importFile('sample.txt', readFileSync(sampleBriefPath));
      const parsed = new MarkdownManager({ extensions: createNoteExtensions() }).parse(PASTED);
      const saved = await dispatch('notes.save', { briefId, sectionId: null, doc: parsed });
      expect(saved.ok).toBe(true);

      const [note] = library.listNotes(briefId);
      expect(hrefs(note!.doc)).toEqual(['https://example.org/report', 'mailto:desk@example.org']);
      expect(text(note!.doc)).toBe(text(parsed));
      const { markdown } = library.exportMarkdown(briefId);
      expect(markdown).not.toMatch(/javascript:|vbscript:|data:text|file:\/\//i);
      expect(markdown).toContain('[web](https://example.org/report)');
    } finally {
      library.close();
    }
  });
});
