import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Library } from '../../../src/main/services/Library';
import { sectionPlainText } from '../../../src/shared/anchoring/sectionText';
import type { Highlight, HighlightRole } from '../../../src/shared/highlights';
import type { NoteDoc } from '../../../src/shared/model';
import { corpusDir, sampleBriefPath } from './tempLibrary';

/** Highlights the first occurrence of `phrase` in the section, as the reader's selection would. */
export function highlightPhrase(
  library: Library,
  briefId: string,
  sectionId: string,
  phrase: string,
  role: HighlightRole,
  comment = '',
): Highlight {
  const text = sectionText(library, briefId, sectionId);
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`“${phrase}” is not in ${sectionId}`);
  const [highlight] = library.highlights.create(
    briefId,
    [{ sectionId, start, end: start + phrase.length }],
    role,
    comment,
  );
  return highlight!;
}

export function sectionText(library: Library, briefId: string, sectionId: string): string {
  const section = library.getBrief(briefId).sections.find(({ id }) => id === sectionId);
  if (!section) throw new Error(`No section ${sectionId}`);
  return sectionPlainText(section);
}

const text = (value: string, marks?: NoteDoc['marks']): NoteDoc =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const paragraph = (...content: NoteDoc[]): NoteDoc => ({ type: 'paragraph', content });
// As the editor writes a link: with the attributes TipTap's Link extension adds.
const link = (href: string): NoteDoc['marks'] => [
  {
    type: 'link',
    attrs: { href, target: '_blank', rel: 'noopener noreferrer nofollow', class: null },
  },
];

/** A note with what the notes editor can do: a heading, a list, bold, links, a task list. */
export function formattedNote(title: string, highlightHref?: string): NoteDoc {
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [text(title)] },
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [paragraph(text('ask for the force model numbers'))] },
          {
            type: 'listItem',
            content: [
              paragraph(text('follow up', [{ type: 'bold' }]), text(' with the secretariat')),
            ],
          },
        ],
      },
      paragraph(
        text('See the '),
        text('NSATU page', link('https://www.nato.int/cps/en/natohq/topics_232216.htm')),
        ...(highlightHref ? [text(' and '), text('the evidence', link(highlightHref))] : []),
        text('.'),
      ),
      {
        type: 'taskList',
        content: [
          {
            type: 'taskItem',
            attrs: { checked: true },
            content: [paragraph(text('read the communiqué'))],
          },
          {
            type: 'taskItem',
            attrs: { checked: false },
            content: [paragraph(text('brief the committee'))],
          },
        ],
      },
    ],
  };
}

export const SAMPLE = {
  decisions: 'decisions',
  nsatu: 'the-nato-security-assistance-and-training-for-ukraine',
  financial: 'long-term-financial-commitment',
  membership: 'further-steps-on-ukraines-path-to-nato-membership',
  plans: 'implementation-of-natos-new-defence-plans',
  pledge: 'towards-a-new-defence-industrial-pledge',
  nuclear: 'nato-nuclear-posture-and-adaptation',
} as const;

/**
 * The sample brief with highlights of all five roles (some with comments, one selection over
 * two sections), a formatted note on a section, one linking to a highlight, and a brief note.
 */
export async function annotatedSample(library: Library): Promise<string> {
  const { id } = await library.importFile('sample-brief.txt', readFileSync(sampleBriefPath));
  highlightPhrase(
    library,
    id,
    SAMPLE.nsatu,
    'NATO will oversee the training of Ukrainian forces in Allied nations',
    'key-point',
    'Who staffs the logistical nodes in the Eastern part?',
  );
  const evidence = highlightPhrase(
    library,
    id,
    SAMPLE.plans,
    'Today we have 500,000 troops at high readiness across all domains',
    'evidence',
  );
  highlightPhrase(
    library,
    id,
    SAMPLE.financial,
    'an annual support of EUR 40 billion per year for as long as it takes',
    'question',
    'Who pays what share?',
  );
  highlightPhrase(
    library,
    id,
    SAMPLE.membership,
    '“to ensure that we move Ukraine closer to membership”',
    'disagree',
    'Check the *2024* wording, not #2023.\nThen update the table.',
  );
  // One selection from the end of one section into the start of the next: two linked parts.
  const pledge = sectionText(library, id, SAMPLE.pledge);
  const nuclear = sectionText(library, id, SAMPLE.nuclear);
  const from = pledge.indexOf('A new Defence Industrial Pledge would also signal');
  library.highlights.create(
    id,
    [
      { sectionId: SAMPLE.pledge, start: from, end: pledge.length },
      { sectionId: SAMPLE.nuclear, start: 0, end: nuclear.indexOf('capabilities') + 12 },
    ],
    'action',
    'Follow up with the committee secretariat',
  );
  library.saveNote(
    id,
    null,
    paragraphNote('Compare with the Washington Summit declaration when it is out.'),
  );
  library.saveNote(
    id,
    SAMPLE.nsatu,
    formattedNote('Follow-up', `briefmark://brief/${id}/section/${SAMPLE.plans}#h-${evidence.id}`),
  );
  library.saveNote(id, SAMPLE.plans, formattedNote('Numbers to check'));
  return id;
}

export function paragraphNote(value: string): NoteDoc {
  return { type: 'doc', content: [paragraph(text(value))] };
}

/** A corpus brief with a highlight at the start of a few sections and a note on one. */
export async function annotatedCorpusBrief(library: Library, fileName: string): Promise<string> {
  const { id } = await library.importFile(fileName, readFileSync(join(corpusDir, fileName)));
  const sections = library
    .getBrief(id)
    .sections.filter((section) => sectionPlainText(section).trim().length > 80);
  const roles: HighlightRole[] = ['key-point', 'evidence', 'question'];
  sections.slice(0, 3).forEach((section, index) => {
    const text = sectionPlainText(section);
    const start = text.search(/\S/);
    library.highlights.create(
      id,
      [{ sectionId: section.id, start, end: start + 60 }],
      roles[index]!,
      index === 0 ? 'Worth quoting.' : '',
    );
  });
  library.saveNote(id, sections[0]!.id, formattedNote('Reading notes'));
  return id;
}

/** Every row of every table of a library file, to tell whether anything changed. */
export function dumpDatabase(dbPath: string): Record<string, unknown[]> {
  const db = new Database(dbPath, { readonly: true });
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]),
    );
  } finally {
    db.close();
  }
}
