import { readFileSync } from 'node:fs';
import { createTextAnchor } from '../../../src/shared/anchoring/createTextAnchor';
import { sectionPlainText } from '../../../src/shared/anchoring/sectionText';
import type { BriefAnnotations } from '../../../src/main/export/exportBriefMarkdown';
import { openLibrary } from '../../../src/main/services/openLibrary';
import type { Highlight, HighlightRole } from '../../../src/shared/highlights';
import type { Brief, NoteDoc, SectionNote } from '../../../src/shared/model';
import { sampleBriefPath, tempDbPath } from './tempLibrary';

/** Fixed, so golden files do not change from run to run. */
export const SAMPLE_BRIEF_ID = '7d1c0de2-5a8e-4f4b-9c61-0b7e3a52f001';

/** The sample brief as the library stores it (imported into a real database), with a fixed id. */
export async function loadSampleBrief(): Promise<Brief> {
  const library = openLibrary({ dbPath: tempDbPath(), sampleBriefPath });
  try {
    const imported = await library.importFile('sample-brief.txt', readFileSync(sampleBriefPath));
    return { ...library.getBrief(imported.id), id: SAMPLE_BRIEF_ID };
  } finally {
    library.close();
  }
}

/** A highlight of the first occurrence of `phrase` in the section, as the library makes them. */
export function highlightOf(
  brief: Brief,
  sectionId: string,
  phrase: string,
  fields: {
    id: string;
    role: HighlightRole;
    comment?: string;
    createdAt: string;
    groupId?: string;
  },
): Highlight {
  const section = brief.sections.find((candidate) => candidate.id === sectionId);
  if (!section) throw new Error(`No section ${sectionId}`);
  const text = sectionPlainText(section);
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`“${phrase}” is not in ${sectionId}`);
  return {
    id: fields.id,
    briefId: brief.id,
    anchor: createTextAnchor(sectionId, text, start, start + phrase.length),
    role: fields.role,
    comment: fields.comment ?? '',
    status: 'exact',
    score: 1,
    groupId: fields.groupId ?? null,
    createdAt: fields.createdAt,
    updatedAt: fields.createdAt,
  };
}

const paragraph = (...content: NoteDoc[]): NoteDoc => ({ type: 'paragraph', content });
const text = (value: string, marks?: NoteDoc['marks']): NoteDoc =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const link = (href: string): NoteDoc['marks'] => [{ type: 'link', attrs: { href } }];

const NSATU = 'the-nato-security-assistance-and-training-for-ukraine';
const FINANCIAL = 'long-term-financial-commitment';
const MEMBERSHIP = 'further-steps-on-ukraines-path-to-nato-membership';
const DETERRENCE = 'ii-allied-deterrence-and-defence';
const PLANS = 'implementation-of-natos-new-defence-plans';
const PLEDGE = 'towards-a-new-defence-industrial-pledge';
const NUCLEAR = 'nato-nuclear-posture-and-adaptation';

/**
 * Notes and highlights of all five roles on the sample brief: comments, two highlights in one
 * section made out of text order, a selection spanning two sections, and one highlight not
 * found in this edition. The "action" role carries a name the user chose.
 */
export function sampleAnnotations(brief: Brief): Required<BriefAnnotations> {
  const at = (minute: number) => `2026-11-27T17:${String(minute).padStart(2, '0')}:00.000Z`;
  const highlights: Highlight[] = [
    highlightOf(
      brief,
      NSATU,
      'NATO will oversee the training of Ukrainian forces in Allied nations',
      {
        id: '3f9a0b12-7c4d-4e21-9a8b-1c2d3e4f5a6b',
        role: 'key-point',
        comment: 'Who staffs the logistical nodes in the Eastern part?',
        createdAt: at(1),
      },
    ),
    highlightOf(brief, PLANS, 'Today we have 500,000 troops at high readiness across all domains', {
      id: '8b20c4d6-1e2f-4a3b-8c9d-0e1f2a3b4c5d',
      role: 'evidence',
      createdAt: at(2),
    }),
    highlightOf(
      brief,
      DETERRENCE,
      '[Note: A few days after the meeting, NATO released the latest figures for Allied defence expenditures. These show 23 Allies meeting the 2% target in 2024, up from three in 2014.]',
      {
        id: 'c41e5f70-2a3b-4c5d-9e8f-7a6b5c4d3e2f',
        role: 'evidence',
        comment: 'Check against the *2024* figures, not #2023.\nThen update the table.',
        createdAt: at(3),
      },
    ),
    highlightOf(
      brief,
      FINANCIAL,
      'an annual support of EUR 40 billion per year for as long as it takes',
      {
        id: '5d6e7f80-3b4c-4d5e-8f90-a1b2c3d4e5f6',
        role: 'question',
        comment: 'Who pays what share?',
        createdAt: at(4),
      },
    ),
    highlightOf(brief, MEMBERSHIP, '“to ensure that we move Ukraine closer to membership”', {
      id: 'e2f3a4b5-4c5d-4e6f-9a0b-c1d2e3f4a5b6',
      role: 'disagree',
      createdAt: at(5),
    }),
    highlightOf(
      brief,
      PLEDGE,
      'A new Defence Industrial Pledge would also signal the long-term investments needed by industry to meet demand levels.',
      {
        id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
        role: 'action',
        comment: 'Follow up with the committee secretariat',
        createdAt: at(6),
        groupId: 'group-pledge-nuclear',
      },
    ),
    highlightOf(
      brief,
      NUCLEAR,
      "Ministers discussed the ongoing adaptation of the Alliance's nuclear capabilities",
      {
        id: 'a1b2c3d4-6f7a-4b8c-9d0e-f1a2b3c4d5e6',
        role: 'action',
        comment: 'Follow up with the committee secretariat',
        createdAt: at(6),
        groupId: 'group-pledge-nuclear',
      },
    ),
    // Made last, yet first in the text of its section.
    highlightOf(brief, PLANS, 'most comprehensive defence plans since the end of the Cold War', {
      id: '0c1d2e3f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
      role: 'key-point',
      createdAt: at(7),
    }),
    {
      id: 'f0e1d2c3-8b9a-4f6e-9d4c-3b2a1f0e9d8c',
      briefId: brief.id,
      anchor: {
        sectionId: 'preparations-for-the-washington-summit',
        start: 120,
        end: 182,
        exact: 'Allies will agree a pledge on long-term support at the Summit.',
        prefix: '',
        suffix: '',
        textHash: 'previous-edition',
      },
      role: 'key-point',
      comment: 'Was this dropped from the final text?',
      status: 'orphaned',
      score: 0,
      groupId: null,
      createdAt: at(0),
      updatedAt: at(8),
    },
  ];
  const note = (sectionId: string | null, doc: NoteDoc): SectionNote => ({
    briefId: brief.id,
    sectionId,
    doc,
    updatedAt: at(9),
  });
  const notes: SectionNote[] = [
    note(
      null,
      doc(paragraph(text('Compare with the Washington Summit declaration when it is out.'))),
    ),
    note(
      NSATU,
      doc(
        paragraph(
          text('See the '),
          text(
            'evidence on readiness',
            link(
              `briefmark://brief/${brief.id}/section/${PLANS}#h-8b20c4d6-1e2f-4a3b-8c9d-0e1f2a3b4c5d`,
            ),
          ),
          text(', the '),
          text('NSATU page', link('https://www.nato.int/cps/en/natohq/topics_232216.htm')),
          text(' and '),
          text('this', link('javascript:alert(1)')),
          text('.'),
        ),
      ),
    ),
    note(
      PLANS,
      doc({
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
      }),
    ),
  ];
  return {
    notes,
    highlights,
    roleLabels: { action: 'To do' },
    previousHeadings: new Map([
      ['f0e1d2c3-8b9a-4f6e-9d4c-3b2a1f0e9d8c', 'Preparations for the Washington Summit'],
    ]),
  };
}

function doc(...content: NoteDoc[]): NoteDoc {
  return { type: 'doc', content };
}
