import { describe, expect, it } from 'vitest';
import {
  reviewGroups,
  roleCounts,
  sectionHighlights,
  toggleRole,
  type ReviewGroup,
} from '../../src/renderer/src/features/highlights/review/reviewGroups';
import type { Highlight, HighlightRole } from '../../src/shared/highlights';
import type { Section } from '../../src/shared/model';

/** The sample brief's outline, shortened: two parts, the second with two subsections. */
function section(id: string, heading: string, parentId: string | null = null): Section {
  return { id, level: parentId ? 2 : 1, heading, path: id, parentId, blocks: [] };
}

const SECTIONS: Section[] = [
  section('i', 'I. Predictable and coordinated support for Ukraine'),
  section('ii', 'II. Allied deterrence and defence'),
  section('plans', "Implementation of NATO's new defence plans", 'ii'),
  section('pledge', 'Towards a new Defence Industrial Pledge', 'ii'),
  section('iii', "III. Response to Russia's hostile actions"),
];

let created = 0;

function highlight(
  id: string,
  sectionId: string,
  start: number,
  fields: Partial<Highlight> = {},
): Highlight {
  created += 1;
  return {
    id,
    briefId: 'brief',
    anchor: {
      sectionId,
      start,
      end: start + 10,
      exact: `quote ${id}`,
      prefix: '',
      suffix: '',
      textHash: 'hash',
    },
    role: 'key-point',
    comment: '',
    status: 'exact',
    score: 1,
    groupId: null,
    createdAt: `2024-06-14T10:00:${String(created % 60).padStart(2, '0')}.000Z`,
    updatedAt: '2024-06-14T10:00:00.000Z',
    ...fields,
  };
}

/** Each group as the reader sees it: its heading (or the orphans' place) and its quotes. */
function shape(groups: ReviewGroup[]): [string, string[]][] {
  return groups.map((group) => [
    group.kind === 'section' ? group.section.id : 'not found',
    group.highlights.map((item) => item.id),
  ]);
}

describe('reviewing a brief’s highlights', () => {
  // Made in no particular order, as a reader jumps about the brief.
  const made = [
    highlight('late-in-plans', 'plans', 400, { role: 'evidence' }),
    highlight('in-iii', 'iii', 20, { role: 'question' }),
    highlight('early-in-plans', 'plans', 12, { role: 'evidence' }),
    highlight('lost', 'pledge', 30, { status: 'orphaned', score: 0, role: 'disagree' }),
    highlight('in-i', 'i', 150),
    highlight('moved-in-pledge', 'pledge', 90, { status: 'moved', role: 'action' }),
  ];

  it('groups them by section in outline order, each in text order, lost ones last', () => {
    expect(shape(reviewGroups(SECTIONS, made))).toEqual([
      ['i', ['in-i']],
      ['plans', ['early-in-plans', 'late-in-plans']],
      ['pledge', ['moved-in-pledge']],
      ['iii', ['in-iii']],
      ['not found', ['lost']],
    ]);
  });

  it('names the part a subsection belongs to, so the list can follow the outline', () => {
    const groups = reviewGroups(SECTIONS, made);
    const tops = groups.map((group) => (group.kind === 'section' ? group.top.id : null));
    expect(tops).toEqual(['i', 'ii', 'ii', 'iii', null]);
  });

  it('shows only the chosen colours, and all of them when none is chosen', () => {
    expect(shape(reviewGroups(SECTIONS, made, new Set<HighlightRole>(['evidence'])))).toEqual([
      ['plans', ['early-in-plans', 'late-in-plans']],
    ]);
    expect(
      shape(reviewGroups(SECTIONS, made, new Set<HighlightRole>(['question', 'disagree']))),
    ).toEqual([
      ['iii', ['in-iii']],
      ['not found', ['lost']],
    ]);
    expect(reviewGroups(SECTIONS, made, new Set())).toEqual(reviewGroups(SECTIONS, made));
    expect(reviewGroups(SECTIONS, made, new Set<HighlightRole>(['action', 'key-point']))).toEqual(
      reviewGroups(SECTIONS, made).filter(
        (group) => group.kind === 'section' && ['i', 'pledge'].includes(group.section.id),
      ),
    );
  });

  it('lists each part of a selection over two sections under its own section', () => {
    const parts = [
      highlight('part-2', 'pledge', 0, { groupId: 'g', role: 'disagree' }),
      highlight('part-1', 'plans', 500, { groupId: 'g', role: 'disagree' }),
    ];
    expect(shape(reviewGroups(SECTIONS, [...made, ...parts]))).toEqual([
      ['i', ['in-i']],
      ['plans', ['early-in-plans', 'late-in-plans', 'part-1']],
      ['pledge', ['part-2', 'moved-in-pledge']],
      ['iii', ['in-iii']],
      ['not found', ['lost']],
    ]);
  });

  it('puts a highlight whose section is gone from the brief with those not found', () => {
    const gone = highlight('gone', 'removed-section', 5, { status: 'fuzzy', score: 0.7 });
    expect(shape(reviewGroups(SECTIONS, [gone, ...made])).at(-1)).toEqual([
      'not found',
      ['lost', 'gone'],
    ]);
  });

  it('orders two highlights starting together by their ends, then by age', () => {
    const first = highlight('short', 'i', 5);
    const same = highlight('same-older', 'i', 5, { anchor: { ...first.anchor, end: 30 } });
    const newer = highlight('same-newer', 'i', 5, {
      anchor: { ...first.anchor, end: 30 },
      createdAt: '2024-06-15T00:00:00.000Z',
    });
    expect(shape(reviewGroups(SECTIONS, [newer, same, first]))).toEqual([
      ['i', ['short', 'same-older', 'same-newer']],
    ]);
  });

  it('has nothing to show for a brief without highlights', () => {
    expect(reviewGroups(SECTIONS, [])).toEqual([]);
  });
});

describe('the highlights of the section being read', () => {
  it('are those in its text, in text order, without the lost ones', () => {
    const list = [
      highlight('b', 'plans', 300),
      highlight('elsewhere', 'iii', 0),
      highlight('lost', 'plans', 100, { status: 'orphaned', score: 0 }),
      highlight('a', 'plans', 10, { status: 'fuzzy', score: 0.8 }),
    ];
    expect(sectionHighlights(list, 'plans').map((item) => item.id)).toEqual(['a', 'b']);
    expect(sectionHighlights(list, 'pledge')).toEqual([]);
  });
});

describe('the colour filter', () => {
  it('counts every colour, lost highlights included', () => {
    const list = [
      highlight('a', 'i', 0, { role: 'evidence' }),
      highlight('b', 'i', 20, { role: 'evidence', status: 'orphaned', score: 0 }),
      highlight('c', 'ii', 0, { role: 'action' }),
    ];
    expect(roleCounts(list)).toEqual({
      'key-point': 0,
      evidence: 2,
      question: 0,
      disagree: 0,
      action: 1,
    });
  });

  it('switches a colour on and off without changing the filter it came from', () => {
    const none = new Set<HighlightRole>();
    const evidence = toggleRole(none, 'evidence');
    expect([...evidence]).toEqual(['evidence']);
    expect(none.size).toBe(0);
    expect([...toggleRole(evidence, 'evidence')]).toEqual([]);
  });
});
