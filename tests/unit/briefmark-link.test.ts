import { describe, expect, it } from 'vitest';
import { briefmarkHighlightHref, parseBriefmarkHref } from '../../src/shared/briefmarkLink';
import { isSafeNoteHref } from '../../src/shared/notes/noteExtensions';
import { safeLinkHref } from '../../src/renderer/src/features/notes/safeLinkHref';

const BRIEF = '3f1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2c';
const HIGHLIGHT = 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d';
const VALID = `briefmark://brief/${BRIEF}/section/allied-deterrence-and-defence#h-${HIGHLIGHT}`;

describe('links from a note back to a highlight', () => {
  it('accepts the exact form and reads its parts', () => {
    expect(parseBriefmarkHref(VALID)).toEqual({
      briefId: BRIEF,
      sectionId: 'allied-deterrence-and-defence',
      highlightId: HIGHLIGHT,
    });
    expect(isSafeNoteHref(VALID)).toBe(true);
    expect(safeLinkHref(VALID)).toBe(VALID);
  });

  it('writes a section whose heading is in another script, and reads it back', () => {
    const link = { briefId: BRIEF, sectionId: 'السياسة-الدفاعية-2', highlightId: HIGHLIGHT };
    const href = briefmarkHighlightHref(link);
    expect(href).toMatch(/^briefmark:\/\/brief\/[^/]+\/section\/(%[0-9A-F]{2}|[a-z0-9-])+#h-/);
    expect(parseBriefmarkHref(href!)).toEqual(link);
    expect(isSafeNoteHref(href!)).toBe(true);
  });

  it('refuses ids that cannot be written in the strict form', () => {
    expect(
      briefmarkHighlightHref({ briefId: 'a/b', sectionId: 'x', highlightId: HIGHLIGHT }),
    ).toBeNull();
    expect(
      briefmarkHighlightHref({ briefId: BRIEF, sectionId: 'x', highlightId: 'h#1' }),
    ).toBeNull();
  });

  it.each([
    ['a script address', 'javascript:alert(1)'],
    ['a data address', 'data:text/html,<script>alert(1)</script>'],
    ['a file address', 'file:///etc/passwd'],
    ['another briefmark host', 'briefmark://evil'],
    ['another briefmark path', `briefmark://evil/${BRIEF}/section/x#h-${HIGHLIGHT}`],
    ['no highlight', `briefmark://brief/${BRIEF}/section/intro`],
    ['an empty highlight', `briefmark://brief/${BRIEF}/section/intro#h-`],
    [
      'a fragment not naming a highlight',
      `briefmark://brief/${BRIEF}/section/intro#x-${HIGHLIGHT}`,
    ],
    ['a space inside', `briefmark://brief/${BRIEF}/section/in tro#h-${HIGHLIGHT}`],
    ['a query', `briefmark://brief/${BRIEF}/section/intro?x=1#h-${HIGHLIGHT}`],
    ['a second fragment', `${VALID}#h-${HIGHLIGHT}`],
    ['userinfo', `briefmark://user@brief/${BRIEF}/section/intro#h-${HIGHLIGHT}`],
    ['a port', `briefmark://brief:80/${BRIEF}/section/intro#h-${HIGHLIGHT}`],
    ['a parent step', `briefmark://brief/../section/intro#h-${HIGHLIGHT}`],
    ['an encoded slash in the section', `briefmark://brief/${BRIEF}/section/a%2Fb#h-${HIGHLIGHT}`],
    ['a broken escape', `briefmark://brief/${BRIEF}/section/a%E2#h-${HIGHLIGHT}`],
    ['an extra segment', `briefmark://brief/${BRIEF}/section/intro/more#h-${HIGHLIGHT}`],
    ['an upper-case scheme', VALID.replace('briefmark:', 'BRIEFMARK:')],
    ['a single slash', VALID.replace('briefmark://', 'briefmark:/')],
    ['script markup in an id', `briefmark://brief/<script>/section/intro#h-${HIGHLIGHT}`],
  ])('refuses %s', (_name, href) => {
    expect(parseBriefmarkHref(href)).toBeNull();
    expect(isSafeNoteHref(href)).toBe(false);
    expect(safeLinkHref(href)).toBeNull();
  });

  it.each([
    ['a space before', ` ${VALID}`],
    ['a space after', `${VALID} `],
    ['a line break after', `${VALID}\n`],
  ])('refuses %s as stored, and trims it when typed in the link dialog', (_name, href) => {
    expect(parseBriefmarkHref(href)).toBeNull();
    expect(isSafeNoteHref(href)).toBe(false);
    expect(safeLinkHref(href)).toBe(VALID);
  });

  it('still takes web and e-mail addresses, and nothing else', () => {
    expect(isSafeNoteHref('https://www.nato.int/')).toBe(true);
    expect(isSafeNoteHref('mailto:desk@example.org')).toBe(true);
    expect(isSafeNoteHref('ftp://example.org')).toBe(false);
    expect(isSafeNoteHref('vbscript:msgbox')).toBe(false);
  });
});
