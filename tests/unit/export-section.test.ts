import { readFileSync } from 'node:fs';
import { Parser } from 'commonmark';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../src/main/api/dispatch';
import type { Library } from '../../src/main/services/Library';
import { openLibrary } from '../../src/main/services/openLibrary';
import type { NoteDoc } from '../../src/shared/model';
import { highlightPhrase as highlight } from './helpers/annotatedLibrary';
import { sampleBriefPath, tempDbPath } from './helpers/tempLibrary';

const DETERRENCE = 'ii-allied-deterrence-and-defence';
const DETERRENCE_HEADING = 'II. ALLIED DETERRENCE AND DEFENCE';
const PLANS = 'implementation-of-natos-new-defence-plans';
const PLANS_HEADING = "Implementation of NATO's new defence plans";
const PLEDGE_HEADING = 'Towards a new Defence Industrial Pledge';
const TWO_PERCENT = 'These show 23 Allies meeting the 2% target in 2024';
const READINESS = 'Today we have 500,000 troops at high readiness across all domains';

const open: Library[] = [];
afterEach(() => {
  for (const library of open.splice(0)) library.close();
});

async function sampleLibrary() {
  const library = openLibrary({ dbPath: tempDbPath(), sampleBriefPath });
  open.push(library);
  const { id } = await library.importFile('sample-brief.txt', readFileSync(sampleBriefPath));
  return { library, briefId: id };
}

const text = (value: string, marks?: NoteDoc['marks']): NoteDoc =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const paragraph = (...content: NoteDoc[]): NoteDoc => ({ type: 'paragraph', content });

// A note as the editor saves it: a heading, a list with bold text, and a link.
const FORMATTED_NOTE: NoteDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 3 }, content: [text('Questions for the committee')] },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [paragraph(text('Which Allies are '), text('below 2%', [{ type: 'bold' }]))],
        },
        { type: 'listItem', content: [paragraph(text('Ask for the NDPP targets'))] },
      ],
    },
    paragraph(
      text('Source: '),
      text('NATO defence expenditure', [
        { type: 'link', attrs: { href: 'https://www.nato.int/cps/en/natohq/topics_49198.htm' } },
      ]),
    ),
  ],
};

/** The part of a full export from the line `from` up to the line `to` (not included). */
function between(markdown: string, from: string, to: string): string {
  const start = markdown.indexOf(`\n${from}\n`);
  const end = markdown.indexOf(`\n${to}\n`, start + 1);
  expect(start, from).toBeGreaterThanOrEqual(0);
  expect(end, to).toBeGreaterThan(start);
  return markdown.slice(start + 1, end + 1).replace(/\n+$/, '\n');
}

function headingsOf(markdown: string): [number, string][] {
  const headings: [number, string][] = [];
  const walker = new Parser().parse(markdown).walker();
  for (let step = walker.next(); step; step = walker.next()) {
    if (step.entering && step.node.type === 'heading') {
      let heading = '';
      for (let child = step.node.firstChild; child; child = child.next) heading += child.literal;
      headings.push([step.node.level, heading]);
    }
  }
  return headings;
}

describe('Library.exportSectionMarkdown', () => {
  it('gives a section exactly as the full export writes it under its heading, without front matter', async () => {
    const { library, briefId } = await sampleLibrary();
    highlight(library, briefId, DETERRENCE, TWO_PERCENT, 'evidence', 'Compare with 2014.');
    highlight(library, briefId, DETERRENCE, '[Note: A few days after the meeting', 'key-point');
    highlight(library, briefId, PLANS, READINESS, 'evidence');
    library.saveNote(briefId, DETERRENCE, FORMATTED_NOTE);

    const { markdown } = library.exportSectionMarkdown(briefId, DETERRENCE);
    const full = library.exportMarkdown(briefId).markdown;
    expect(markdown).toBe(between(full, `## ${DETERRENCE_HEADING}`, `### ${PLANS_HEADING}`));

    expect(markdown.startsWith(`## ${DETERRENCE_HEADING}\n\n> \\[Note: A few days after`)).toBe(
      true,
    );
    expect(markdown).not.toContain('---');
    expect(markdown).toMatch(
      new RegExp(`\\[open in Briefmark\\]\\(briefmark://brief/${briefId}/section/${DETERRENCE}#`),
    );
    expect(markdown.match(/ \^h-[0-9a-f]{8}$/gm)).toHaveLength(2);
    expect(markdown).toContain('\nComment: Compare with 2014.\n');
    expect(markdown).toContain('- Which Allies are **below 2%**');
    expect(markdown).toContain(
      '[NATO defence expenditure](https://www.nato.int/cps/en/natohq/topics_49198.htm)',
    );
    // The subsection's highlight belongs to the subsection, not here.
    expect(markdown).not.toContain(READINESS);
    expect(headingsOf(markdown)).toEqual([
      [2, DETERRENCE_HEADING],
      [3, 'Questions for the committee'],
    ]);
  });

  it('puts a subsection at level 2, its note below it, with the block ids of the full export', async () => {
    const { library, briefId } = await sampleLibrary();
    const settings = library.readerSettings();
    library.saveReaderSettings({
      ...settings,
      roles: { ...settings.roles, evidence: { ...settings.roles.evidence, label: 'Figures' } },
    });
    const readiness = highlight(library, briefId, PLANS, READINESS, 'evidence', 'Check the date.');
    const plans = highlight(library, briefId, PLANS, 'most comprehensive defence plans', 'action');
    library.saveNote(briefId, PLANS, FORMATTED_NOTE);

    const { markdown } = library.exportSectionMarkdown(briefId, PLANS);
    expect(headingsOf(markdown)).toEqual([
      [2, PLANS_HEADING],
      [3, 'Questions for the committee'],
    ]);
    // Text order, whatever the order they were made in.
    expect(markdown.indexOf('most comprehensive defence plans')).toBeLessThan(
      markdown.indexOf(READINESS),
    );
    expect(markdown).toContain(`\n> — **Figures** · [open in Briefmark](`);
    const full = library.exportMarkdown(briefId).markdown;
    for (const made of [readiness, plans]) {
      const blockId = new RegExp(`#h-${made.id}\\) (\\^h-[0-9a-z-]+)`);
      const inSection = blockId.exec(markdown)?.[1];
      expect(inSection).toBeDefined();
      expect(blockId.exec(full)?.[1]).toBe(inSection);
    }
    // Every quote, comment and note block reads as in the full export.
    for (const block of markdown.split('\n\n').filter((part) => !part.startsWith('#'))) {
      expect(full).toContain(block);
    }
  });

  it('gives a section with nothing in it as its heading alone', async () => {
    const { library, briefId } = await sampleLibrary();
    highlight(library, briefId, PLANS, READINESS, 'evidence');
    expect(
      library.exportSectionMarkdown(briefId, 'towards-a-new-defence-industrial-pledge'),
    ).toEqual({ markdown: `## ${PLEDGE_HEADING}\n` });
  });

  it('gives the note on the whole brief under the brief title', async () => {
    const { library, briefId } = await sampleLibrary();
    const title = library.getBrief(briefId).title;
    expect(library.exportSectionMarkdown(briefId, null).markdown).toBe(`# ${title}\n`);

    library.saveNote(briefId, null, FORMATTED_NOTE);
    library.saveNote(briefId, PLANS, { type: 'doc', content: [paragraph(text('Not this one'))] });
    const { markdown } = library.exportSectionMarkdown(briefId, null);
    expect(markdown.startsWith(`# ${title}\n\n## Questions for the committee\n\n- Which`)).toBe(
      true,
    );
    expect(markdown).not.toContain('Not this one');
    expect(headingsOf(markdown)).toEqual([
      [1, title],
      [2, 'Questions for the committee'],
    ]);
  });

  it('refuses a section or brief that is not there, through the API', async () => {
    const { library, briefId } = await sampleLibrary();
    const dispatch = createDispatch(library);
    const gone = await dispatch('export.section', { briefId, sectionId: 'no-such-section' });
    expect(gone).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(JSON.stringify(gone)).toContain('no section “no-such-section”');
    expect(
      await dispatch('export.section', { briefId: 'no-such-brief', sectionId: null }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await dispatch('export.section', { briefId, sectionId: PLANS })).toMatchObject({
      ok: true,
      value: { markdown: `## ${PLANS_HEADING}\n` },
    });
  });
});
