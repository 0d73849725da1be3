import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../src/main/api/dispatch';
import type { Library } from '../../src/main/services/Library';
import { openLibrary } from '../../src/main/services/openLibrary';
import type { MarkdownExport } from '../../src/shared/api';
import { sectionPlainText } from '../../src/shared/anchoring/sectionText';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from '../../src/shared/exportOptions';
import { parseExport } from './helpers/exportStructure';
import { sampleBriefPath, tempDbPath } from './helpers/tempLibrary';

const open: Library[] = [];
afterEach(() => {
  for (const library of open.splice(0)) library.close();
});

async function sampleLibrary(dbPath = tempDbPath()) {
  const library = openLibrary({ dbPath, sampleBriefPath });
  open.push(library);
  const { id } = await library.importFile('sample-brief.txt', readFileSync(sampleBriefPath));
  return { library, briefId: id, dispatch: createDispatch(library), dbPath };
}

/** Highlights `phrase` where it first occurs in the section, through the library. */
function highlight(
  library: Library,
  briefId: string,
  sectionId: string,
  phrase: string,
  role: Parameters<Library['highlights']['create']>[2],
  comment = '',
) {
  const section = library.getBrief(briefId).sections.find((s) => s.id === sectionId)!;
  const start = sectionPlainText(section).indexOf(phrase);
  expect(start, phrase).toBeGreaterThanOrEqual(0);
  return library.highlights.create(
    briefId,
    [{ sectionId, start, end: start + phrase.length }],
    role,
    comment,
  );
}

function value<T>(result: { ok: boolean }): T {
  expect(result).toMatchObject({ ok: true });
  return (result as { ok: true; value: T }).value;
}

describe('export options', () => {
  it('are the defaults before any export chose them', async () => {
    const { dispatch } = await sampleLibrary();
    expect(value(await dispatch('export.options', {}))).toEqual(DEFAULT_EXPORT_OPTIONS);
  });

  it('are remembered when an export names them, across reopening, and used as defaults', async () => {
    const { library, briefId, dispatch, dbPath } = await sampleLibrary();
    highlight(library, briefId, 'decisions', 'Defence ministers endorsed:', 'evidence');

    const grouped = value<MarkdownExport>(
      await dispatch('export.markdown', { briefId, options: { groupByRole: true } }),
    );
    expect(parseExport(grouped.markdown).headings).toContainEqual([2, 'Evidence']);
    expect(value(await dispatch('export.options', {}))).toEqual({
      ...DEFAULT_EXPORT_OPTIONS,
      groupByRole: true,
    });

    // Another choice leaves the first as it was.
    await dispatch('export.markdown', { briefId, options: { includeFullText: true } });
    const expected: ExportOptions = {
      includeAllSections: false,
      includeFullText: true,
      groupByRole: true,
      sidecar: false,
    };
    expect(value(await dispatch('export.options', {}))).toEqual(expected);

    // Without options, the remembered ones apply.
    const plain = value<MarkdownExport>(await dispatch('export.markdown', { briefId }));
    expect(parseExport(plain.markdown).headings).toContainEqual([2, 'Evidence']);
    expect(plain.markdown).toContain('NATO Security Assistance and Training for Ukraine');
    library.close();

    const reopened = openLibrary({ dbPath, sampleBriefPath });
    open.push(reopened);
    expect(reopened.exportOptions()).toEqual(expected);
  });

  it('are not changed by an export that fails or a request that is refused', async () => {
    const { dispatch } = await sampleLibrary();
    const missing = await dispatch('export.markdown', {
      briefId: 'no-such-brief',
      options: { includeAllSections: true },
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    for (const options of [{ includeAllSections: 'yes' }, { everything: true }, 'all', null]) {
      const refused = await dispatch('export.markdown', { briefId: 'x', options });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    }
    expect(await dispatch('export.options', { extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(value(await dispatch('export.options', {}))).toEqual(DEFAULT_EXPORT_OPTIONS);
  });

  it.each([
    ['not JSON', '{groupByRole: true', DEFAULT_EXPORT_OPTIONS],
    ['a list', '[true, true, true]', DEFAULT_EXPORT_OPTIONS],
    [
      'one damaged field',
      '{"includeAllSections": "yes", "includeFullText": true, "groupByRole": 1}',
      { ...DEFAULT_EXPORT_OPTIONS, includeFullText: true },
    ],
    [
      'a missing field and an unknown one',
      '{"groupByRole": true, "colour": "red"}',
      { ...DEFAULT_EXPORT_OPTIONS, groupByRole: true },
    ],
  ])('fall back field by field when the stored value is %s', async (_name, stored, expected) => {
    const { library, dbPath } = await sampleLibrary();
    library.close();
    const db = new Database(dbPath);
    db.prepare(
      `INSERT INTO app_state (key, value) VALUES ('export_options', ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ).run(stored);
    db.close();
    const reopened = openLibrary({ dbPath, sampleBriefPath });
    open.push(reopened);
    expect(reopened.exportOptions()).toEqual(expected);
    expect(value(await createDispatch(reopened)('export.options', {}))).toEqual(expected);
  });
});

describe('Library.exportMarkdown with highlights', () => {
  it('exports stored highlights under their sections with the role names the user chose', async () => {
    const { library, briefId } = await sampleLibrary();
    const settings = library.readerSettings();
    library.saveReaderSettings({
      ...settings,
      roles: { ...settings.roles, question: { ...settings.roles.question, label: 'Ask' } },
    });
    const [made] = highlight(
      library,
      briefId,
      'long-term-financial-commitment',
      'an annual support of EUR 40 billion per year',
      'question',
      'Who pays?',
    );
    const parsed = parseExport(library.exportMarkdown(briefId).markdown);
    expect(parsed.highlights).toEqual([
      {
        quote: 'an annual support of EUR 40 billion per year',
        quoteIsPlain: true,
        roleLabel: 'Ask',
        sectionHeading: null,
        link: { briefId, sectionId: 'long-term-financial-commitment', highlightId: made!.id },
        blockId: `h-${made!.id.replace(/-/g, '').slice(0, 8)}`,
        comment: 'Who pays?',
      },
    ]);
    expect(parsed.headings.map(([, text]) => text)).toEqual([
      expect.any(String),
      'I. PREDICTABLE AND COORDINATED SUPPORT FOR UKRAINE',
      'Long-term financial commitment',
    ]);
  });

  it('shows a selection across two sections under both, with one comment each', async () => {
    const { library, briefId } = await sampleLibrary();
    const brief = library.getBrief(briefId);
    const text = (id: string) => sectionPlainText(brief.sections.find((s) => s.id === id)!);
    const pledge = text('towards-a-new-defence-industrial-pledge');
    const parts = library.highlights.create(
      briefId,
      [
        {
          sectionId: 'towards-a-new-defence-industrial-pledge',
          start: pledge.length - 30,
          end: pledge.length,
        },
        { sectionId: 'nato-nuclear-posture-and-adaptation', start: 0, end: 40 },
      ],
      'action',
      'Follow up',
    );
    const parsed = parseExport(library.exportMarkdown(briefId).markdown);
    expect(parsed.highlights.map((h) => [h.link.sectionId, h.link.highlightId, h.comment])).toEqual(
      parts.map((part) => [part.anchor.sectionId, part.id, 'Follow up']),
    );
  });

  it('keeps a highlight not found in a new edition, under the heading it had', async () => {
    const { library, briefId } = await sampleLibrary();
    highlight(
      library,
      briefId,
      'nato-ukraine-joint-analysis-training-and-education-centre',
      "JATEC will allow the sharing of lessons learned from Russia's war",
      'disagree',
      'Still true?',
    );
    highlight(library, briefId, 'decisions', 'Defence ministers endorsed:', 'key-point');
    // The next edition drops the JATEC section.
    const sample = readFileSync(sampleBriefPath, 'utf8');
    const start = sample.indexOf(
      'NATO-Ukraine Joint Analysis, Training and Education Centre (JATEC)\n',
    );
    const end = sample.indexOf('NATO-Ukraine Innovation Cooperation Roadmap\n', start);
    const edition = await library.importFile(
      'sample-brief-v2.txt',
      Buffer.from(sample.slice(0, start) + sample.slice(end)),
    );
    library.editions.adopt(edition.id, briefId);
    const statuses = library.highlights
      .list(edition.id)
      .map((h) => h.status)
      .sort();
    expect(statuses).toEqual(['exact', 'orphaned']);

    const parsed = parseExport(library.exportMarkdown(edition.id).markdown);
    expect(parsed.headings.at(-1)).toEqual([2, 'Highlights not found in this edition']);
    expect(parsed.highlights.at(-1)).toMatchObject({
      quote: "JATEC will allow the sharing of lessons learned from Russia's war",
      roleLabel: 'Disagree',
      comment: 'Still true?',
      sectionHeading: 'NATO-Ukraine Joint Analysis, Training and Education Centre (JATEC)',
    });
    expect(parsed.highlights).toHaveLength(2);
  });
});
