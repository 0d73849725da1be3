import { describe, expect, it } from 'vitest';
import { isEditionCandidate } from '../../src/main/editions/isEditionCandidate';
import { matchSections, normalHeading } from '../../src/main/editions/matchSections';

const section = (id: string, heading: string, text: string, parentId: string | null = null) => ({
  id,
  heading,
  parentId,
  text,
});

const TEXTS: Record<string, string> = {
  'the scope':
    'This brief covers the June meeting of defence ministers and the decisions taken there.',
  funding: 'Allies would contribute according to their share of GDP, about EUR 40 billion a year.',
  'an industrial pledge':
    'The pledge would raise production rates, make procurement more agile and standardise munitions.',
  'the annex tables': 'Table A1 lists personnel by nation; table A2 lists deliveries by quarter.',
  'the summary of outcomes': 'Heads of state agreed the pledge in Washington on 10 July.',
  Ukraine: 'Keep the training mission in Wiesbaden funded from the common budget through 2026.',
  Georgia: 'Resume the substantial package and expand the joint training centre near Tbilisi.',
};
const body = (topic: string) => TEXTS[topic]!;

describe('matching the sections of two editions', () => {
  it('pairs renumbered headings, reworded headings by their text, and reports added and removed ones', () => {
    const older = [
      section('1-scope', '1. Scope', body('the scope')),
      section('2-funding', '2. Funding', body('funding')),
      section('3-towards-a-pledge', '3. Towards a pledge', body('an industrial pledge')),
      section('4-annex', '4. Annex', body('the annex tables')),
    ];
    const newer = [
      section('1-scope', '1. Scope', body('the scope')),
      section('2-summary', '2. Summary', body('the summary of outcomes')),
      section('3-funding', '3. Funding', body('funding') + ' Two Allies dissented.'),
      section('4-the-pledge', '4. The pledge', body('an industrial pledge')),
    ];
    expect(matchSections(older, newer)).toEqual([
      { sectionId: '1-scope', previousSectionId: '1-scope', change: 'same' },
      { sectionId: '2-summary', previousSectionId: null, change: 'added' },
      { sectionId: '3-funding', previousSectionId: '2-funding', change: 'changed' },
      { sectionId: '4-the-pledge', previousSectionId: '3-towards-a-pledge', change: 'changed' },
    ]);
  });

  it('tells repeated headings apart by their parent', () => {
    const older = [
      section('a', 'Ukraine', ''),
      section('a-rec', 'Recommendations', body('Ukraine'), 'a'),
      section('b', 'Georgia', ''),
      section('b-rec', 'Recommendations', body('Georgia'), 'b'),
    ];
    const newer = [
      section('x', 'Georgia', ''),
      section('x-rec', 'Recommendations', 'Entirely new advice.', 'x'),
      section('y', 'Ukraine', ''),
      section('y-rec', 'Recommendations', body('Ukraine'), 'y'),
    ];
    const pairs = matchSections(older, newer).map((m) => [m.sectionId, m.previousSectionId]);
    expect(pairs).toEqual([
      ['x', 'b'],
      ['x-rec', 'b-rec'],
      ['y', 'a'],
      ['y-rec', 'a-rec'],
    ]);
  });

  it('ignores numbering, case and punctuation in headings', () => {
    expect(normalHeading('II. ALLIED DETERRENCE AND DEFENCE')).toBe(
      'allied deterrence and defence',
    );
    expect(normalHeading('2.3 Allied deterrence — and defence')).toBe(
      'allied deterrence and defence',
    );
    expect(normalHeading('A new pledge')).toBe('a new pledge');
  });
});

describe('suggesting an edition', () => {
  const brief = (title: string, reference: string | null = null) => ({ title, reference });
  it('matches the same title, or the same reference with a revision suffix', () => {
    expect(
      isEditionCandidate(
        brief('NATO Defence Ministers’ Meeting'),
        brief('nato defence ministers meeting'),
      ),
    ).toBe(true);
    expect(
      isEditionCandidate(
        brief('Report A', '128 SPE 24 E rev.1'),
        brief('Report B', '128 SPE 24 E'),
      ),
    ).toBe(true);
    expect(
      isEditionCandidate(brief('Report A', 'GAO-07-791'), brief('Report B', 'gao 07 791')),
    ).toBe(true);
  });
  it('does not match short or different titles and references', () => {
    expect(isEditionCandidate(brief('Brief'), brief('Brief'))).toBe(false);
    expect(
      isEditionCandidate(brief('Report A', 'GAO-07-791'), brief('Report B', 'GAO-07-7912')),
    ).toBe(false);
    expect(isEditionCandidate(brief('Report A', 'R46991'), brief('Report B', null))).toBe(false);
  });
});
