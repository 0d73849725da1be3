import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../src/main/api/dispatch';
import { noteToMarkdown } from '../../src/main/export/noteToMarkdown';
import { MAX_SIDECAR_ANNOTATIONS } from '../../src/main/export/readWebAnnotationSidecar';
import type { Library } from '../../src/main/services/Library';
import { openLibrary } from '../../src/main/services/openLibrary';
import { ServiceError } from '../../src/main/services/ServiceError';
import { sectionPlainText } from '../../src/shared/anchoring/sectionText';
import type { ExportedFile } from '../../src/shared/api';
import { DEFAULT_ROLE_LABELS, type Highlight } from '../../src/shared/highlights';
import type { NoteDoc, SectionNote } from '../../src/shared/model';
import {
  annotatedCorpusBrief,
  annotatedSample,
  dumpDatabase,
  formattedNote,
  paragraphNote,
  SAMPLE,
} from './helpers/annotatedLibrary';
import { corpusDir, sampleBriefPath, tempDbPath } from './helpers/tempLibrary';

/* eslint-disable @typescript-eslint/no-explicit-any -- the sidecar is read as untyped JSON */

function newLibrary(dbPath = tempDbPath(), now?: () => Date) {
  return { dbPath, library: openLibrary({ dbPath, sampleBriefPath, now }) };
}

function sidecarOf(files: ExportedFile[]): ExportedFile {
  const sidecar = files.find((file) => file.mediaType === 'application/ld+json');
  if (!sidecar) throw new Error('The export wrote no sidecar.');
  return sidecar;
}

async function sampleWithSidecar() {
  const a = newLibrary();
  const briefId = await annotatedSample(a.library);
  // A role the user renamed: the sidecar tags with the name the user sees.
  const settings = a.library.readerSettings();
  a.library.saveReaderSettings({
    ...settings,
    roles: { ...settings.roles, action: { ...settings.roles.action, label: 'To do' } },
  });
  const { files } = a.library.exportFiles([briefId], { sidecar: true });
  return { ...a, briefId, files, sidecar: sidecarOf(files) };
}

function restoreInto(library: Library, sidecar: ExportedFile) {
  return library.restoreAnnotations(sidecar.fileName, Buffer.from(sidecar.text));
}

const comparable = (highlight: Highlight) => {
  const { briefId: _briefId, ...rest } = highlight;
  return rest;
};
const notesOf = (library: Library, briefId: string) =>
  library
    .listNotes(briefId)
    .map(({ sectionId, doc }: SectionNote) => ({ sectionId, doc }))
    .sort((a, b) => (a.sectionId ?? '').localeCompare(b.sectionId ?? ''));

describe('the W3C Web Annotation sidecar', () => {
  it('describes each highlight and note in the Web Annotation model, field by field', async () => {
    const { library, briefId, files, sidecar } = await sampleWithSidecar();
    const brief = library.getBrief(briefId);
    expect(files.map((file) => file.fileName)).toEqual([
      "NATO DEFENCE MINISTERS' MEETING, 13-14 JUNE 2024 - KEY TAKEAWAYS.md",
      "NATO DEFENCE MINISTERS' MEETING, 13-14 JUNE 2024 - KEY TAKEAWAYS.annotations.json",
    ]);
    expect(sidecar.text.endsWith('}\n')).toBe(true);
    expect(sidecar.text).toContain('\n  "type": "AnnotationCollection",\n');

    const collection = JSON.parse(sidecar.text);
    expect(collection['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection['@context'][1].briefmark).toBe('urn:briefmark:ns:');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.label).toBe(brief.title);
    expect(collection.generator).toMatchObject({ type: 'Software', name: 'Briefmark' });
    expect(new Date(collection.generated).toISOString()).toBe(collection.generated);
    expect(collection['briefmark:sourceFileName']).toBe('sample-brief.txt');
    expect(collection['briefmark:sourceSha256']).toBe(
      createHash('sha256').update(readFileSync(sampleBriefPath)).digest('hex'),
    );
    expect(collection['briefmark:format']).toBe('text');
    expect(collection['briefmark:briefId']).toBe(briefId);
    expect(collection.first.type).toBe('AnnotationPage');
    const items: any[] = collection.first.items;
    expect(collection.total).toBe(items.length);

    const highlights = library.highlights.list(briefId);
    const highlightItems = items.filter((item) => 'briefmark:role' in item);
    expect(highlightItems).toHaveLength(highlights.length);
    expect(highlights).toHaveLength(6);
    const textOf = new Map(brief.sections.map((s) => [s.id, sectionPlainText(s)]));
    for (const item of highlightItems) {
      const highlight = highlights.find((h) => `urn:uuid:${h.id}` === item.id)!;
      expect(highlight).toBeDefined();
      expect(item.type).toBe('Annotation');
      expect(item.created).toBe(highlight.createdAt);
      expect(item.modified).toBe(highlight.updatedAt);
      expect(item.motivation).toBe(highlight.comment ? 'commenting' : 'highlighting');
      const bodies: any[] = item.body;
      const tag = bodies.find((body) => body.purpose === 'tagging');
      expect(tag).toMatchObject({ type: 'TextualBody' });
      expect(tag.value).toBe(
        highlight.role === 'action' ? 'To do' : DEFAULT_ROLE_LABELS[highlight.role],
      );
      const comment = bodies.find((body) => body.purpose === 'commenting');
      expect(comment?.value ?? '').toBe(highlight.comment);
      expect(item.target.source).toBe(
        `briefmark://brief/${briefId}/section/${highlight.anchor.sectionId}`,
      );
      const [quote, position] = item.target.selector;
      expect(quote.type).toBe('TextQuoteSelector');
      expect(position.type).toBe('TextPositionSelector');
      const text = textOf.get(highlight.anchor.sectionId)!;
      expect(quote.exact).toBe(text.slice(position.start, position.end));
      expect(quote.prefix).toBe(text.slice(position.start - quote.prefix.length, position.start));
      expect(quote.suffix).toBe(text.slice(position.end, position.end + quote.suffix.length));
      expect(item['briefmark:role']).toBe(highlight.role);
      expect(item['briefmark:status']).toBe('exact');
      expect(item['briefmark:sectionId']).toBe(highlight.anchor.sectionId);
      const section = brief.sections.find((s) => s.id === highlight.anchor.sectionId)!;
      expect(item['briefmark:sectionHeading']).toBe(section.heading);
      expect(item['briefmark:sectionPath']).toBe(section.path);
      expect(item['briefmark:groupId']).toBe(highlight.groupId ?? undefined);
    }
    // The selection over two sections: two annotations sharing one group id.
    const grouped = highlightItems.filter((item) => item['briefmark:groupId']);
    expect(grouped).toHaveLength(2);
    expect(grouped[0]['briefmark:groupId']).toBe(grouped[1]['briefmark:groupId']);

    const noteItems = items.filter((item) => !('briefmark:role' in item));
    const notes = library.listNotes(briefId);
    expect(noteItems).toHaveLength(3);
    for (const item of noteItems) {
      const note = notes.find((n) => n.sectionId === item['briefmark:sectionId'])!;
      expect(item.type).toBe('Annotation');
      expect(item.motivation).toBe('commenting');
      expect(item.body).toMatchObject({ type: 'TextualBody', format: 'text/markdown' });
      expect(item.body.value).toBe(noteToMarkdown(note.doc, 0));
      expect(item['briefmark:noteDoc']).toEqual(note.doc);
      expect(item.target).toBe(
        note.sectionId === null
          ? `briefmark://brief/${briefId}`
          : `briefmark://brief/${briefId}/section/${note.sectionId}`,
      );
    }
    const followUp = noteItems.find((item) => item['briefmark:sectionId'] === SAMPLE.nsatu);
    expect(followUp.body.value).toContain('# Follow-up\n');
    expect(followUp.body.value).toContain('- **follow up** with the secretariat');
    expect(followUp.body.value).toContain('[NSATU page](https://www.nato.int/');
    expect(followUp.body.value).toContain('- [x] read the communiqué');
  });

  it('lists the brief note first, then section by section in outline and text order', async () => {
    const { library, briefId, sidecar } = await sampleWithSidecar();
    const order = new Map(library.getBrief(briefId).sections.map((s, index) => [s.id, index]));
    const items: any[] = JSON.parse(sidecar.text).first.items;
    expect(items[0]['briefmark:sectionId']).toBeNull();
    const places = items.slice(1).map((item) => [
      order.get(item['briefmark:sectionId'])!,
      // A section's note comes after its highlights.
      'briefmark:role' in item ? item.target.selector[1].start : Infinity,
    ]);
    const sorted = [...places].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
    expect(places).toEqual(sorted);
  });

  it('writes the same file for the same annotations, apart from when it was generated', async () => {
    let clock = new Date('2026-11-27T18:04:00Z');
    const { library } = newLibrary(tempDbPath(), () => clock);
    const briefId = await annotatedSample(library);
    const first = sidecarOf(library.exportFiles([briefId], { sidecar: true }).files);
    clock = new Date('2026-12-01T09:00:00Z');
    const second = sidecarOf(library.exportFiles(null, { sidecar: true }).files);
    expect(second.fileName).toBe(first.fileName);
    const withoutGenerated = (text: string) => text.replace(/"generated": ".*"/, '');
    expect(second.text).not.toBe(first.text);
    expect(withoutGenerated(second.text)).toBe(withoutGenerated(first.text));
  });
});

describe('restoring a sidecar', () => {
  it('brings back the same highlights and notes in another library, once', async () => {
    const a = await sampleWithSidecar();
    const b = newLibrary();
    const { id: bBriefId } = await b.library.importFile(
      'sample-brief.txt',
      readFileSync(sampleBriefPath),
    );
    const restored = restoreInto(b.library, a.sidecar);
    expect(restored).toEqual({
      briefId: bBriefId,
      title: "NATO DEFENCE MINISTERS' MEETING, 13-14 JUNE 2024: KEY TAKEAWAYS",
      highlightsRestored: 6,
      highlightsNotFound: 0,
      highlightsAlreadyThere: 0,
      notesRestored: 3,
      notesMerged: 0,
    });
    expect(b.library.highlights.list(bBriefId).map(comparable)).toEqual(
      a.library.highlights.list(a.briefId).map(comparable),
    );
    expect(notesOf(b.library, bBriefId)).toEqual(notesOf(a.library, a.briefId));

    const before = dumpDatabase(b.dbPath);
    const again = restoreInto(b.library, a.sidecar);
    expect(again).toMatchObject({
      highlightsRestored: 0,
      highlightsAlreadyThere: 6,
      notesRestored: 0,
      notesMerged: 0,
    });
    expect(dumpDatabase(b.dbPath)).toEqual(before);
  });

  it('round-trips a Word brief from the corpus', async () => {
    const fileName = 'alga-2025-financial-assistance-grants-policy-brief.docx';
    const a = newLibrary();
    const aId = await annotatedCorpusBrief(a.library, fileName);
    const sidecar = sidecarOf(a.library.exportFiles([aId], { sidecar: true }).files);
    expect(sidecar.fileName).toBe(
      'Financial Assistance Grants - Paths towards equitable reform.annotations.json',
    );

    const b = newLibrary();
    const { id: bId } = await b.library.importFile(
      fileName,
      readFileSync(join(corpusDir, fileName)),
    );
    expect(restoreInto(b.library, sidecar)).toMatchObject({
      highlightsRestored: 3,
      highlightsNotFound: 0,
      notesRestored: 1,
    });
    expect(b.library.highlights.list(bId).map(comparable)).toEqual(
      a.library.highlights.list(aId).map(comparable),
    );
    expect(notesOf(b.library, bId)).toEqual(notesOf(a.library, aId));
  });

  it('adds a different note below the one already there, and keeps both', async () => {
    const a = await sampleWithSidecar();
    const b = newLibrary();
    const { id } = await b.library.importFile('sample-brief.txt', readFileSync(sampleBriefPath));
    b.library.saveNote(id, SAMPLE.nsatu, paragraphNote('My own note, written first.'));
    expect(restoreInto(b.library, a.sidecar)).toMatchObject({ notesRestored: 2, notesMerged: 1 });
    const note = b.library.listNotes(id).find((n) => n.sectionId === SAMPLE.nsatu)!;
    const restoredDoc = a.library.listNotes(a.briefId).find((n) => n.sectionId === SAMPLE.nsatu)!;
    expect(note.doc.content).toEqual([
      ...paragraphNote('My own note, written first.').content!,
      ...restoredDoc.doc.content!,
    ]);
    // Restoring again finds it there and merges nothing twice.
    expect(restoreInto(b.library, a.sidecar)).toMatchObject({ notesRestored: 0, notesMerged: 0 });
    expect(b.library.listNotes(id).find((n) => n.sectionId === SAMPLE.nsatu)!.doc).toEqual(
      note.doc,
    );
  });

  it('keeps a highlight whose text is not in the brief as not found, and a note whose section is gone in the brief note', async () => {
    const a = await sampleWithSidecar();
    const collection = JSON.parse(a.sidecar.text);
    const items: any[] = collection.first.items;
    const lost = items.find((item) => item['briefmark:role'] === 'question');
    lost.target.selector[0].exact = 'A sentence this brief never had in any of its sections.';
    const note = items.find((item) => item.id.endsWith(`/section/${SAMPLE.plans}#note`));
    note['briefmark:sectionId'] = 'a-section-of-another-edition';
    note['briefmark:sectionHeading'] = 'Annex: force models';

    const b = newLibrary();
    const { id } = await b.library.importFile('sample-brief.txt', readFileSync(sampleBriefPath));
    const result = b.library.restoreAnnotations(
      'edited.json',
      Buffer.from(JSON.stringify(collection)),
    );
    expect(result).toMatchObject({ highlightsRestored: 6, highlightsNotFound: 1 });
    const orphan = b.library.highlights.list(id).find((h) => h.role === 'question')!;
    expect(orphan).toMatchObject({ status: 'orphaned', comment: 'Who pays what share?' });
    expect(orphan.anchor.exact).toBe('A sentence this brief never had in any of its sections.');

    const briefNote = b.library.listNotes(id).find((n) => n.sectionId === null)!;
    expect(JSON.stringify(briefNote.doc)).toContain(
      'From “Annex: force models” (not in this edition)',
    );
    expect(JSON.stringify(briefNote.doc)).toContain('Numbers to check');
    expect(b.library.listNotes(id).some((n) => n.sectionId === SAMPLE.plans)).toBe(false);
  });

  it('restores into the newer edition that replaced the brief', async () => {
    const a = await sampleWithSidecar();
    const b = newLibrary();
    const sampleText = readFileSync(sampleBriefPath, 'utf8');
    const { id: older } = await b.library.importFile('sample-brief.txt', Buffer.from(sampleText));
    const { id: newer } = await b.library.importFile(
      'sample-brief-v2.txt',
      Buffer.from(sampleText.replace('500,000 troops', '520,000 troops')),
    );
    b.library.editions.adopt(newer, older);
    const result = restoreInto(b.library, a.sidecar);
    expect(result).toMatchObject({ briefId: newer, highlightsRestored: 6, notesRestored: 3 });
    const evidence = b.library.highlights.list(newer).find((h) => h.role === 'evidence')!;
    expect(evidence.status).toBe('fuzzy');
    expect(evidence.anchor.exact).toContain('520,000 troops');
    expect(b.library.highlights.list(older)).toEqual([]);
  });

  it('works through the API, with the file sent as base64', async () => {
    const a = await sampleWithSidecar();
    const b = newLibrary();
    await b.library.importFile('sample-brief.txt', readFileSync(sampleBriefPath));
    const dispatch = createDispatch(b.library);
    const result = await dispatch('annotations.restore', {
      fileName: a.sidecar.fileName,
      dataBase64: Buffer.from(a.sidecar.text).toString('base64'),
    });
    expect(result).toMatchObject({ ok: true, value: { highlightsRestored: 6, notesRestored: 3 } });
  });
});

describe('a sidecar that cannot be restored', () => {
  async function libraryWithSample() {
    const a = await sampleWithSidecar();
    const b = newLibrary();
    const { id } = await b.library.importFile('sample-brief.txt', readFileSync(sampleBriefPath));
    b.library.saveNote(id, SAMPLE.decisions, paragraphNote('Already here.'));
    return { a, b, id, collection: () => JSON.parse(a.sidecar.text) };
  }

  function refusal(library: Library, fileName: string, data: string | Buffer): ServiceError {
    try {
      library.restoreAnnotations(fileName, typeof data === 'string' ? Buffer.from(data) : data);
    } catch (error) {
      if (error instanceof ServiceError) return error;
      throw error;
    }
    throw new Error('The restore was not refused.');
  }

  it('is refused with a sentence, and leaves the library as it was', async () => {
    const { b, collection } = await libraryWithSample();
    const before = dumpDatabase(b.dbPath);
    const tooMany = collection();
    tooMany.first.items = Array.from({ length: 10_000 }, () => tooMany.first.items[1]);
    const wrongHash = collection();
    wrongHash['briefmark:sourceSha256'] = 'f'.repeat(64);
    const hugeQuote = collection();
    hugeQuote.first.items[1].target.selector[0].exact = 'x'.repeat(30_000);
    const noTarget = collection();
    delete noTarget.first.items[2].target;
    const badRole = collection();
    badRole.first.items[1]['briefmark:role'] = 'favourite';
    const hugeComment = collection();
    hugeComment.first.items[1].body[0].value = 'y'.repeat(20_000);

    const cases: [string, string | Buffer, string, RegExp][] = [
      ['notes.json', 'not JSON at all {', 'unsupported_format', /does not hold valid JSON/],
      ['bytes.json', Buffer.from([0xff, 0xfe, 0x00, 0x7b]), 'unsupported_format', /valid JSON/],
      [
        'array.json',
        '[1, 2, 3]',
        'unsupported_format',
        /not an annotations file exported by Briefmark/,
      ],
      [
        'other.json',
        JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation' }),
        'unsupported_format',
        /W3C Web Annotation collection/,
      ],
      [
        'many.json',
        JSON.stringify(tooMany),
        'too_large',
        new RegExp(`at most ${MAX_SIDECAR_ANNOTATIONS.toLocaleString('en')}`),
      ],
      [
        'elsewhere.json',
        JSON.stringify(wrongHash),
        'not_found',
        /not in the library\. Import “sample-brief\.txt” first, or together with “elsewhere\.json”/,
      ],
      ['quote.json', JSON.stringify(hugeQuote), 'invalid_request', /number 2\).*20000/],
      ['target.json', JSON.stringify(noTarget), 'invalid_request', /number 3\).*target/],
      ['role.json', JSON.stringify(badRole), 'invalid_request', /number 2\).*briefmark:role/],
      ['comment.json', JSON.stringify(hugeComment), 'invalid_request', /comment is longer/],
    ];
    for (const [fileName, data, code, message] of cases) {
      const error = refusal(b.library, fileName, data);
      expect(error.code, fileName).toBe(code);
      expect(error.message, fileName).toMatch(message);
      expect(error.message, fileName).toContain(`“${fileName}”`);
      expect(dumpDatabase(b.dbPath), fileName).toEqual(before);
    }
  });

  it('refuses a file over the size limit before reading it', async () => {
    const { b } = await libraryWithSample();
    const error = refusal(b.library, 'huge.json', Buffer.alloc(21 * 1024 * 1024, 0x20));
    expect(error.code).toBe('too_large');
  });

  it('makes a hostile note inert: unknown nodes become plain text, unsafe links are dropped', async () => {
    const { b, id, collection } = await libraryWithSample();
    const hostile = collection();
    const items: any[] = hostile.first.items;
    const noteOn = (sectionId: string) =>
      items.find((item) => item.id.endsWith(`/section/${sectionId}#note`));
    const scripted = noteOn(SAMPLE.nsatu);
    scripted['briefmark:noteDoc'] = {
      type: 'doc',
      content: [
        { type: 'script', content: [{ type: 'text', text: 'alert(1)' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Read me' }] },
      ],
    };
    scripted.body.value = '<script>alert(1)</script>\n\nRead me';
    const linked = noteOn(SAMPLE.plans);
    const unsafe: NoteDoc = formattedNote('Numbers to check');
    unsafe.content![2]!.content![1]!.marks = [
      { type: 'link', attrs: { href: 'javascript:alert(1)', onclick: 'alert(2)' } },
    ];
    unsafe.content![0]!.attrs = { level: 2, style: 'position:fixed' };
    linked['briefmark:noteDoc'] = unsafe;

    b.library.restoreAnnotations('hostile.json', Buffer.from(JSON.stringify(hostile)));
    const notes = b.library.listNotes(id);
    const plain = notes.find((n) => n.sectionId === SAMPLE.nsatu)!.doc;
    expect(plain).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '<script>alert(1)</script>' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Read me' }] },
      ],
    });
    const cleaned = notes.find((n) => n.sectionId === SAMPLE.plans)!.doc;
    const json = JSON.stringify(cleaned);
    expect(json).not.toContain('javascript:');
    expect(json).not.toContain('onclick');
    expect(json).not.toContain('position:fixed');
    expect(json).toContain('"text":"NSATU page"');
    expect(cleaned.content![0]).toEqual({
      type: 'heading',
      attrs: { level: 2 },
      content: [{ type: 'text', text: 'Numbers to check' }],
    });
  });
});

describe('exporting files for a folder', () => {
  it('names each brief’s files the same alone or with all, and remembers the choices only once it worked', async () => {
    const { library } = newLibrary();
    const sampleId = await annotatedSample(library);
    const copy = await library.importFile(
      'sample-brief-copy.txt',
      Buffer.from(`${readFileSync(sampleBriefPath, 'utf8')}\nReprinted.\n`),
    );
    const all = library.exportFiles(null, { sidecar: true, includeFullText: true }).files;
    expect(library.exportOptions()).toMatchObject({ sidecar: true, includeFullText: true });
    // In the library list's order, each brief's Markdown then its sidecar.
    expect(all.map((file) => [file.briefId, file.mediaType])).toEqual(
      library.listBriefs().flatMap(({ id }) => [
        [id, 'text/markdown'],
        [id, 'application/ld+json'],
      ]),
    );
    const alone = library.exportFiles([copy.id]).files;
    expect(alone.map((file) => file.fileName)).toEqual(
      all.filter((file) => file.briefId === copy.id).map((file) => file.fileName),
    );
    expect(alone[0]!.fileName).toMatch(/KEY TAKEAWAYS \([0-9a-f]{8}\)\.md$/);
    const undated = (markdown: string) => markdown.replace(/^exported: .*$/m, 'exported:');
    expect(undated(alone[0]!.text)).toBe(
      undated(library.exportMarkdownWith(copy.id, library.exportOptions()).markdown),
    );

    expect(() => library.exportFiles([sampleId, 'no-such-brief'], { sidecar: false })).toThrow(
      /No brief with id “no-such-brief”/,
    );
    expect(library.exportOptions().sidecar).toBe(true);
    const withoutSidecar = library.exportFiles([sampleId], { sidecar: false }).files;
    expect(withoutSidecar.map((file) => file.mediaType)).toEqual(['text/markdown']);
  });
});
