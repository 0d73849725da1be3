import { describe, expect, it } from 'vitest';
import {
  carryOverNeedsReview,
  carryOverSummary,
} from '../../src/renderer/src/features/editions/carryOverSummary';
import { editionCandidateOf } from '../../src/renderer/src/features/editions/editionCandidateOf';
import { editionOfferText } from '../../src/renderer/src/features/editions/editionOfferText';
import { moveStatusLabel } from '../../src/renderer/src/features/editions/moveStatusLabel';
import {
  carryOverFor,
  forgetCarryOver,
  leaveCarryOver,
} from '../../src/renderer/src/features/editions/pendingCarryOver';
import {
  changedSectionCount,
  reviewBannerParts,
  reviewLists,
} from '../../src/renderer/src/features/editions/reviewLists';
import { sectionChangeMap } from '../../src/renderer/src/features/editions/sectionChangeMap';
import type {
  EditionCarryOver,
  EditionRef,
  EditionReview,
  HighlightMove,
} from '../../src/shared/editions';

const previous: EditionRef = {
  id: 'old',
  title: "NATO Defence Ministers' Meeting",
  sourceName: 'sample-brief.txt',
  importedAt: '2024-06-20T09:30:00.000Z',
};

function carryOver(
  highlights: Partial<EditionCarryOver['highlights']>,
  notes: Partial<EditionCarryOver['notes']> = {},
  sections: Partial<EditionCarryOver['sections']> = {},
): EditionCarryOver {
  return {
    briefId: 'new',
    previous,
    highlights: { exact: 0, moved: 0, fuzzy: 0, orphaned: 0, ...highlights },
    notes: { followed: 0, toBriefNote: 0, ...notes },
    sections: { added: 0, changed: 0, removed: 0, ...sections },
  };
}

function move(highlightId: string, fields: Partial<HighlightMove> = {}): HighlightMove {
  return {
    highlightId,
    status: 'moved',
    score: 1,
    previous: {
      sectionId: 'old-section',
      start: 0,
      end: 10,
      exact: 'EUR 40 billion per year',
      prefix: 'namely an annual support of ',
      suffix: ' for as long as it takes',
      textHash: 'hash',
    },
    previousHeading: 'Long-term financial commitment',
    reviewedAt: null,
    ...fields,
  };
}

function review(fields: Partial<EditionReview> = {}): EditionReview {
  return {
    previous,
    adoptedAt: '2024-07-20T09:30:00.000Z',
    changedSections: [],
    removedSections: [],
    highlights: [],
    ...fields,
  };
}

describe('the summary after carrying an edition over', () => {
  it('counts the highlights by how they landed, and the notes that followed', () => {
    expect(carryOverSummary(carryOver({ exact: 9, moved: 2, orphaned: 1 }, { followed: 3 }))).toBe(
      'Carried over 12 highlights: 9 in place, 2 moved and 1 not found. 3 notes followed their sections.',
    );
  });

  it('says so when every highlight landed in place', () => {
    expect(carryOverSummary(carryOver({ exact: 4 }))).toBe(
      'Carried over 4 highlights, all in place.',
    );
    expect(carryOverSummary(carryOver({ exact: 1 }, { followed: 1 }))).toBe(
      'Carried over 1 highlight, in place. 1 note followed its section.',
    );
  });

  it('names approximate matches and notes that went to the brief note', () => {
    expect(carryOverSummary(carryOver({ fuzzy: 1 }, { toBriefNote: 2 }))).toBe(
      'Carried over 1 highlight: 1 placed approximately. 2 notes of removed sections were added to the brief note.',
    );
    expect(carryOverSummary(carryOver({}, { toBriefNote: 1 }))).toBe(
      'There were no highlights to carry over. The note of a removed section was added to the brief note.',
    );
  });

  it('offers a review only when something did not land exactly or sections changed', () => {
    expect(carryOverNeedsReview(carryOver({ exact: 5 }))).toBe(false);
    expect(carryOverNeedsReview(carryOver({ exact: 5, moved: 1 }))).toBe(true);
    expect(carryOverNeedsReview(carryOver({ exact: 5 }, {}, { added: 1 }))).toBe(true);
  });
});

describe('the suggested edition', () => {
  it('names both briefs and when the older one was imported', () => {
    const text = editionOfferText({ title: 'NATO Summit brief, rev. 1' }, previous);
    expect(text).toMatch(
      /^“NATO Summit brief, rev\. 1” looks like a new edition of “NATO Defence Ministers' Meeting” \(imported .*2024.*\)\. Carry its highlights and notes over\?$/,
    );
  });

  it('tells briefs with the same title apart by their files', () => {
    const text = editionOfferText(
      { title: previous.title, sourceName: 'sample-brief-edition-2.txt' },
      previous,
    );
    expect(text).toContain(`“${previous.title}” (sample-brief-edition-2.txt) looks like`);
    expect(text).toContain(`“${previous.title}” (sample-brief.txt, imported `);
  });

  it('is offered only for a brief new to the library with another brief as candidate', () => {
    const base = { id: 'new', alreadyInLibrary: false, editionCandidate: previous };
    expect(editionCandidateOf(base)).toBe(previous);
    expect(editionCandidateOf({ ...base, alreadyInLibrary: true })).toBeNull();
    expect(editionCandidateOf({ ...base, editionCandidate: null })).toBeNull();
    expect(editionCandidateOf({ ...base, id: 'old' })).toBeNull();
  });
});

describe('the review of carried-over highlights', () => {
  it('splits them into to check, moved and checked, keeping their order', () => {
    const lists = reviewLists(
      review({
        highlights: [
          move('a'),
          move('b', { reviewedAt: '2024-07-21T00:00:00.000Z' }),
          move('c', { status: 'orphaned', score: 0 }),
          move('d', { status: 'orphaned', score: 0, reviewedAt: '2024-07-21T00:00:00.000Z' }),
          move('e', { status: 'fuzzy', score: 0.8 }),
        ],
      }),
      null,
    );
    // The same words in a new place are listed apart: nothing there to doubt.
    expect(lists.moved.map((item) => item.highlightId)).toEqual(['a']);
    expect(lists.toCheck.map((item) => item.highlightId)).toEqual(['c', 'e']);
    // A checked orphan stays listed, so nothing carried over is lost from view.
    expect(lists.checked.map((item) => item.highlightId)).toEqual(['b', 'd']);
  });

  it('leaves out highlights deleted since, once the brief’s highlights are known', () => {
    const lists = reviewLists(review({ highlights: [move('a'), move('b')] }), new Set(['b']));
    expect(lists.moved.map((item) => item.highlightId)).toEqual(['b']);
  });

  it('sums up for the banner', () => {
    const changes = review({
      changedSections: [
        { sectionId: 's1', change: 'changed', previousSectionId: 'p1' },
        { sectionId: 's2', change: 'added', previousSectionId: null },
      ],
      removedSections: [{ sectionId: 'p3', heading: 'Gone', path: '3' }],
    });
    expect(changedSectionCount(changes)).toBe(3);
    expect(reviewBannerParts(changes, 2)).toEqual([
      'New edition',
      '2 sections changed',
      '1 new',
      '2 highlights to check',
    ]);
    expect(reviewBannerParts(review(), 1)).toEqual(['New edition', '1 highlight to check']);
    expect(
      reviewBannerParts(
        review({ changedSections: [{ sectionId: 's', change: 'added', previousSectionId: null }] }),
        0,
      ),
    ).toEqual(['New edition', '1 new section']);
    expect(reviewBannerParts(review(), 0)).toEqual(['New edition', 'no section changed']);
  });

  it('labels each by how it landed', () => {
    expect(moveStatusLabel({ status: 'moved', score: 1 })).toBe('Moved');
    expect(moveStatusLabel({ status: 'fuzzy', score: 0.829 })).toBe('Fuzzy 82%');
    expect(moveStatusLabel({ status: 'fuzzy', score: 0.999 })).toBe('Fuzzy 99%');
    expect(moveStatusLabel({ status: 'orphaned', score: 0 })).toBe('Not found');
  });

  it('maps the changed and new sections for the outline and the headings', () => {
    const map = sectionChangeMap(
      review({
        changedSections: [
          { sectionId: 's1', change: 'changed', previousSectionId: 'p1' },
          { sectionId: 's2', change: 'added', previousSectionId: null },
        ],
      }),
    );
    expect(map.get('s1')).toBe('changed');
    expect(map.get('s2')).toBe('added');
    expect(map.has('s3')).toBe(false);
    expect(sectionChangeMap(null).size).toBe(0);
  });
});

describe('the summary handed to the newer edition’s reader', () => {
  it('waits for that brief only, until it is forgotten', () => {
    const carry = carryOver({ exact: 1 });
    leaveCarryOver(carry);
    expect(carryOverFor('other')).toBeNull();
    expect(carryOverFor('new')).toBe(carry);
    // Read twice (a React initialiser may run twice): still there.
    expect(carryOverFor('new')).toBe(carry);
    forgetCarryOver('other');
    expect(carryOverFor('new')).toBe(carry);
    forgetCarryOver('new');
    expect(carryOverFor('new')).toBeNull();
  });
});
