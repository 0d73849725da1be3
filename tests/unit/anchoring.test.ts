import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { importBriefFile } from '../../src/main/import/importBriefFile';
import type { SectionText } from '../../src/shared/anchoring/BriefText';
import { createTextAnchor } from '../../src/shared/anchoring/createTextAnchor';
import { similarityTo } from '../../src/shared/anchoring/editSimilarity';
import {
  MIN_FUZZY_SCORE,
  reanchor,
  reanchorAll,
  type AnchorResult,
} from '../../src/shared/anchoring/reanchor';
import { sectionPlainText } from '../../src/shared/anchoring/sectionText';
import { sectionTextHash } from '../../src/shared/anchoring/sectionTextHash';
import { CONTEXT_LENGTH, type TextAnchor } from '../../src/shared/highlights';
import { corpusDir } from './helpers/tempLibrary';

const SAMPLE = 'nato-pa-128-spe-24-e-defence-ministers-2024-06.txt';

async function sectionsOf(file: string): Promise<SectionText[]> {
  const brief = await importBriefFile(file, readFileSync(join(corpusDir, file)));
  return brief.sections.map((section) => ({ id: section.id, text: sectionPlainText(section) }));
}

function textOf(sections: readonly SectionText[], id: string): string {
  const section = sections.find((s) => s.id === id);
  if (!section) throw new Error(`No section ${id}`);
  return section.text;
}

/** The sections with one section's text replaced. */
function withText(sections: readonly SectionText[], id: string, text: string): SectionText[] {
  return sections.map((section) => (section.id === id ? { id, text } : section));
}

/** Anchors the first occurrence of `passage` in a section, as selecting it in the reader would. */
function anchorOn(sections: readonly SectionText[], id: string, passage: string): TextAnchor {
  const text = textOf(sections, id);
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(`"${passage}" is not in ${id}`);
  return createTextAnchor(id, text, start, start + passage.length);
}

/** The text a result's anchor now points at, read from the sections themselves. */
function foundText(sections: readonly SectionText[], result: AnchorResult): string {
  return textOf(sections, result.anchor.sectionId).slice(result.anchor.start, result.anchor.end);
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

let sample: SectionText[];
beforeAll(async () => {
  sample = await sectionsOf(SAMPLE);
});

const FUNDING = 'long-term-financial-commitment';
const SUPPORT_SENTENCE =
  "The Secretary General has argued that the level of support provided by Allies since Russia's renewed invasion should be maintained, namely an annual support of EUR 40 billion per year for as long as it takes.";

describe('sectionTextHash', () => {
  it('is a versioned fixed-length fingerprint that tells every section of the sample brief apart', () => {
    const hashes = sample.filter((s) => s.text !== '').map((s) => sectionTextHash(s.text));
    for (const hash of hashes) expect(hash).toMatch(/^h1:[0-9a-f]{14}$/);
    expect(new Set(hashes).size).toBe(hashes.length);
    const text = textOf(sample, FUNDING);
    expect(sectionTextHash(text)).toBe(sectionTextHash(`${text}`));
    // One figure changed in a long section changes the hash.
    expect(sectionTextHash(text.replace('EUR 40 billion', 'EUR 41 billion'))).not.toBe(
      sectionTextHash(text),
    );
  });
});

describe('createTextAnchor', () => {
  it('keeps the quote, 32 characters either side, the offsets and the section hash', () => {
    const text = textOf(sample, FUNDING);
    const start = text.indexOf('an annual support of EUR 40 billion');
    const anchor = createTextAnchor(FUNDING, text, start, start + 35);
    expect(anchor).toEqual({
      sectionId: FUNDING,
      start,
      end: start + 35,
      exact: 'an annual support of EUR 40 billion',
      prefix: text.slice(start - CONTEXT_LENGTH, start),
      suffix: text.slice(start + 35, start + 35 + CONTEXT_LENGTH),
      textHash: sectionTextHash(text),
    });
    expect(anchor.prefix).toBe('on should be maintained, namely ');
  });

  it('has a shorter context at the edges of the section', () => {
    const text = textOf(sample, FUNDING);
    const first = createTextAnchor(FUNDING, text, 0, 9);
    expect(first.exact).toBe('Ministers');
    expect(first.prefix).toBe('');
    const last = createTextAnchor(FUNDING, text, text.length - 5, text.length);
    expect(last.suffix).toBe('');
    expect(last.prefix).toHaveLength(CONTEXT_LENGTH);
  });

  it('refuses empty, reversed, out-of-range and fractional ranges with a clear message', () => {
    const text = textOf(sample, FUNDING);
    expect(() => createTextAnchor(FUNDING, text, 5, 5)).toThrow(/at least one character/);
    expect(() => createTextAnchor(FUNDING, text, 9, 3)).toThrow(/at least one character/);
    expect(() => createTextAnchor(FUNDING, text, -1, 3)).toThrow(/at least one character/);
    expect(() => createTextAnchor(FUNDING, text, 0, text.length + 1)).toThrow(
      /at least one character/,
    );
    expect(() => createTextAnchor(FUNDING, text, 0.5, 3)).toThrow(/whole numbers/);
    expect(() => createTextAnchor('', text, 0, 3)).toThrow(/section id/);
  });

  it('never cuts a character in two, in the quote or in its context', () => {
    // Emoji take two UTF-16 code units; a lone half would not survive being stored.
    const text = `${'🇺🇦'.repeat(20)} Support for Ukraine ${'🛡️'.repeat(20)}`;
    const start = text.indexOf('Support');
    const anchor = createTextAnchor('s', text, start, start + 'Support for Ukraine'.length);
    expect(anchor.prefix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
    expect(anchor.prefix.codePointAt(0)).toBeGreaterThan(0xffff);
    expect(anchor.suffix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
    expect(anchor.suffix).not.toMatch(/[\uD800-\uDBFF]$/);
    // encodeURIComponent refuses lone surrogates.
    expect(() => encodeURIComponent(anchor.prefix + anchor.exact + anchor.suffix)).not.toThrow();
    expect(() => createTextAnchor('s', text, 1, start)).toThrow(/split a character/);
  });
});

describe('reanchor against the sample brief', () => {
  it('finds an unchanged passage exactly where it was', () => {
    const anchor = anchorOn(sample, FUNDING, SUPPORT_SENTENCE);
    expect(reanchor(anchor, sample)).toEqual({ status: 'exact', score: 1, anchor });
  });

  it('is still exact when only text after the passage changed, with its context refreshed', () => {
    const anchor = anchorOn(sample, FUNDING, SUPPORT_SENTENCE);
    const text = textOf(sample, FUNDING);
    const edited = text.replace('According to the', 'As set out in the');
    const result = reanchor(anchor, withText(sample, FUNDING, edited));
    expect(result.status).toBe('exact');
    expect(result.anchor.start).toBe(anchor.start);
    expect(result.anchor.suffix).toBe('\nAs set out in the Secretary Gen');
    expect(result.anchor.textHash).toBe(sectionTextHash(edited));
  });

  it('follows a passage moved by text inserted before it', () => {
    const anchor = anchorOn(sample, FUNDING, SUPPORT_SENTENCE);
    const inserted = 'Several ministers asked for the pledge to be reviewed every year.\n';
    const text = textOf(sample, FUNDING);
    const edited = text.replace('The Secretary General has argued', `${inserted}$&`);
    const sections = withText(sample, FUNDING, edited);
    const result = reanchor(anchor, sections);
    expect(result.status).toBe('moved');
    expect(result.score).toBe(1);
    expect(result.anchor.sectionId).toBe(FUNDING);
    expect(result.anchor.start).toBe(anchor.start + inserted.length);
    expect(foundText(sections, result)).toBe(SUPPORT_SENTENCE);
    expect(result.anchor.textHash).toBe(sectionTextHash(edited));
  });

  it('finds a passage whose words were edited, with a score below 1 and above the threshold', () => {
    const anchor = anchorOn(sample, FUNDING, SUPPORT_SENTENCE);
    const reworded = SUPPORT_SENTENCE.replace('has argued', 'has insisted')
      .replace('maintained', 'sustained')
      .replace('EUR 40 billion', 'EUR 40 bn');
    const text = textOf(sample, FUNDING);
    const sections = withText(
      sample,
      FUNDING,
      `Ministers met in Brussels.\n${text}`.replace(SUPPORT_SENTENCE, reworded),
    );
    const result = reanchor(anchor, sections);
    expect(result.status).toBe('fuzzy');
    expect(result.score).toBeGreaterThanOrEqual(MIN_FUZZY_SCORE);
    expect(result.score).toBeLessThan(1);
    expect(result.anchor.sectionId).toBe(FUNDING);
    expect(foundText(sections, result)).toBe(reworded);
    expect(result.anchor.exact).toBe(reworded);
  });

  it('orphans a passage that was deleted, keeping its quote and context unchanged', () => {
    const anchor = anchorOn(sample, FUNDING, SUPPORT_SENTENCE);
    const text = textOf(sample, FUNDING);
    const sections = withText(sample, FUNDING, text.replace(`${SUPPORT_SENTENCE}\n`, ''));
    const result = reanchor(anchor, sections);
    expect(result).toEqual({ status: 'orphaned', score: 0, anchor });
    expect(result.anchor).toBe(anchor);
  });

  it('picks the occurrence whose context matches when the quote occurs twice', () => {
    // "the Secretary General" occurs twice in the section: "According to the Secretary General's
    // proposal" and "Ahead of the meeting, the Secretary General met Hungary's Prime Minister".
    const quote = 'the Secretary General';
    const text = textOf(sample, FUNDING);
    const first = text.indexOf(quote);
    const second = text.indexOf(quote, first + 1);
    expect(text.indexOf(quote, second + 1)).toBe(-1);
    const anchor = createTextAnchor(FUNDING, text, second, second + quote.length);
    // Inserted text puts the first occurrence three characters from where the second one was,
    // so position alone would choose the wrong one.
    const inserted = 'Ministers met in Brussels. '.repeat(20).slice(0, second - first - 3);
    const edited = `${inserted}${text}`;
    const result = reanchor(anchor, withText(sample, FUNDING, edited));
    expect(result.status).toBe('moved');
    expect(result.anchor.start).toBe(second + inserted.length);
    expect(edited.slice(result.anchor.start - 22, result.anchor.start)).toBe(
      'Ahead of the meeting, ',
    );
  });

  it('follows a paragraph moved to another section', () => {
    const from = 'the-nato-security-assistance-and-training-for-ukraine';
    const to = 'implementation-of-natos-new-defence-plans';
    const paragraph =
      'Key aims behind NATO assuming the lead include increasing transparency and accountability as well as reducing risks of gaps and delays between announcements and deliveries.';
    const passage = 'reducing risks of gaps and delays';
    const anchor = anchorOn(sample, from, passage);
    let sections = withText(sample, from, textOf(sample, from).replace(`${paragraph}\n`, ''));
    sections = withText(sections, to, `${textOf(sample, to)}\n${paragraph}`);
    const result = reanchor(anchor, sections);
    expect(result.status).toBe('moved');
    expect(result.anchor.sectionId).toBe(to);
    expect(foundText(sections, result)).toBe(passage);
  });

  it('finds the passage when its section was renamed', () => {
    const anchor = anchorOn(sample, FUNDING, SUPPORT_SENTENCE);
    const renamed = sample.map((s) =>
      s.id === FUNDING ? { id: 'a-financial-pledge', text: s.text } : s,
    );
    const result = reanchor(anchor, renamed);
    expect(result.status).toBe('moved');
    expect(result.anchor.sectionId).toBe('a-financial-pledge');
    expect(result.anchor.start).toBe(anchor.start);
  });

  it('keeps an edited passage in place rather than jumping to a verbatim copy elsewhere', () => {
    // Long reports repeat chapter sentences in their executive summary; a sentence reworded in
    // the chapter is still the highlighted one.
    const copyIn = 'introduction';
    const anchor = anchorOn(sample, FUNDING, SUPPORT_SENTENCE);
    const reworded = SUPPORT_SENTENCE.replace('has argued', 'has insisted');
    let sections = withText(
      sample,
      FUNDING,
      textOf(sample, FUNDING).replace(SUPPORT_SENTENCE, reworded),
    );
    sections = withText(sections, copyIn, `${textOf(sample, copyIn)}\n${SUPPORT_SENTENCE}`);
    const result = reanchor(anchor, sections);
    expect(result.status).toBe('fuzzy');
    expect(result.anchor.sectionId).toBe(FUNDING);
    expect(foundText(sections, result)).toBe(reworded);
  });

  it('does not move a one-word highlight to the same word in an unrelated sentence', () => {
    const id = 'towards-a-new-defence-industrial-pledge';
    const text = textOf(sample, id);
    const word = 'pledge';
    const at = text.indexOf(word);
    expect(at).toBeGreaterThanOrEqual(0);
    const anchor = createTextAnchor(id, text, at, at + word.length);
    // The sentence is rewritten without the word, which the brief still uses elsewhere
    // ("the long-term financial pledge").
    const sentenceStart = text.lastIndexOf('\n', at) + 1;
    const sentenceEnd = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at);
    const sections = withText(
      sample,
      id,
      `${text.slice(0, sentenceStart)}Ministers discussed industrial capacity.${text.slice(sentenceEnd)}`,
    );
    expect(sections.some((s) => s.id !== id && s.text.includes(word))).toBe(true);
    expect(reanchor(anchor, sections)).toMatchObject({ status: 'orphaned', score: 0 });
  });

  it('re-anchors many highlights at once, in their order', () => {
    const passages = [
      [FUNDING, SUPPORT_SENTENCE],
      ['the-nato-security-assistance-and-training-for-ukraine', 'Wiesbaden, Germany'],
      ['nato-nuclear-posture-and-adaptation', 'Nuclear Planning Group'],
    ] as const;
    const anchors = passages.map(([id, passage]) => anchorOn(sample, id, passage));
    const edited = sample.map((s) => ({ id: s.id, text: `Updated.\n${s.text}` }));
    const results = reanchorAll(anchors, edited);
    expect(results.map((r) => r.status)).toEqual(['moved', 'moved', 'moved']);
    results.forEach((result, i) => {
      expect(foundText(edited, result)).toBe(passages[i]![1]);
      expect(result.anchor.start).toBe(anchors[i]!.start + 'Updated.\n'.length);
    });
  });
});

describe('re-anchoring between editions of the same brief', () => {
  /**
   * Sentences anchored in one edition, found again in another: the text differs in line
   * breaks, hyphenation, running headers, tables laid out as columns and where sections begin.
   */
  function acrossEditions(from: readonly SectionText[], to: readonly SectionText[], every: number) {
    const anchors: TextAnchor[] = [];
    let seen = 0;
    for (const section of from) {
      for (const match of section.text.matchAll(/[A-Z][^.!?\n]{50,280}[.!?]/g)) {
        if (seen++ % every !== 0) continue;
        anchors.push(
          createTextAnchor(section.id, section.text, match.index, match.index + match[0].length),
        );
      }
    }
    const results = reanchorAll(anchors, to);
    const found = results.filter((r) => r.status !== 'orphaned');
    const sameWords = results.filter(
      (r, i) =>
        r.status !== 'orphaned' && normalise(foundText(to, r)) === normalise(anchors[i]!.exact),
    );
    // Whatever is found is the passage, give or take what the editions do differently.
    const similarities = results.flatMap((r, i) =>
      r.status === 'orphaned'
        ? []
        : [similarityTo(normalise(anchors[i]!.exact))(normalise(foundText(to, r)))],
    );
    for (const result of results) {
      if (result.status === 'fuzzy') {
        expect(result.score).toBeGreaterThanOrEqual(MIN_FUZZY_SCORE);
        expect(result.score).toBeLessThan(1);
      } else {
        expect(result.score).toBe(result.status === 'orphaned' ? 0 : 1);
      }
    }
    return {
      count: anchors.length,
      found: found.length / anchors.length,
      sameWords: sameWords.length / anchors.length,
      leastSimilar: Math.min(...similarities),
    };
  }

  it('finds the Markdown edition’s sentences in the PDF edition (Digital Infrastructure Alliance)', async () => {
    const markdown = await sectionsOf('dia-2025-digital-infrastructure-alliance-brief.md');
    const pdf = await sectionsOf('dia-2025-digital-infrastructure-alliance-brief.pdf');
    const rates = acrossEditions(markdown, pdf, 1);
    expect(rates.count).toBeGreaterThan(200);
    expect(rates.found).toBeGreaterThanOrEqual(0.98);
    expect(rates.sameWords).toBeGreaterThanOrEqual(0.95);
    expect(rates.leastSimilar).toBeGreaterThanOrEqual(0.9);
  }, 60_000);

  it('finds the Markdown and web editions’ sentences in the PDF edition (GAO-07-791), and back', async () => {
    const gao = 'gao-07-791-reexamining-regulations-retrospective-reviews';
    const markdown = await sectionsOf(`${gao}.md`);
    const html = await sectionsOf(`${gao}.html`);
    const pdf = await sectionsOf(`${gao}.pdf`);
    for (const [from, to] of [
      [markdown, pdf],
      [html, pdf],
      [pdf, markdown],
    ] as const) {
      const rates = acrossEditions(from, to, 8);
      expect(rates.count).toBeGreaterThan(100);
      // The few not found are sentences the PDF's tables scatter across columns.
      expect(rates.found).toBeGreaterThanOrEqual(0.95);
      expect(rates.sameWords).toBeGreaterThanOrEqual(0.9);
      expect(rates.leastSimilar).toBeGreaterThanOrEqual(0.8);
    }
  }, 120_000);
});

describe('property: edits around a highlight never lose it', () => {
  const WORDS = [
    'Allies',
    'pledge',
    'the',
    'defence',
    'of',
    'Ukraine',
    'budget',
    'and',
    '2024',
    ';',
  ];
  const filler = fc
    .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 })
    .map((words) => ` ${words.join(' ')} `);
  const edit = fc.record({
    kind: fc.constantFrom('insert', 'delete', 'replace'),
    at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
    length: fc.integer({ min: 1, max: 60 }),
    text: filler,
  });
  type Edit = { kind: 'insert' | 'delete' | 'replace'; at: number; length: number; text: string };

  /** Applies edits to `text` at positions within [from, to) of it. */
  function applyEdits(text: string, edits: readonly Edit[], from: number, to: number): string {
    let out = text;
    for (const { kind, at, length, text: inserted } of edits) {
      const end = to - (text.length - out.length);
      if (end <= from) break;
      const position = from + Math.floor(at * (end - from));
      const cut = kind === 'insert' ? 0 : Math.min(length, end - position);
      out =
        out.slice(0, position) + (kind === 'delete' ? '' : inserted) + out.slice(position + cut);
    }
    return out;
  }

  /** A passage of 24 to 160 characters occurring once in its section of the sample brief. */
  const passage = fc
    .record({
      section: fc.nat(),
      start: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
      length: fc.integer({ min: 24, max: 160 }),
    })
    .map(({ section, start, length }) => {
      const candidates = sample.filter((s) => s.text.length >= 300);
      const { id, text } = candidates[section % candidates.length]!;
      const from = Math.floor(start * (text.length - length));
      return { id, text, start: from, end: from + length };
    })
    .filter(
      ({ text, start, end }) =>
        text.indexOf(text.slice(start, end)) === text.lastIndexOf(text.slice(start, end)),
    );

  it('finds the quote at its new offsets after insertions, deletions and replacements outside it', () => {
    fc.assert(
      fc.property(
        passage,
        fc.array(edit, { minLength: 1, maxLength: 8 }),
        fc.array(edit, { minLength: 0, maxLength: 8 }),
        ({ id, text, start, end }, editsBefore, editsAfter) => {
          const anchor = createTextAnchor(id, text, start, end);
          const before = applyEdits(text.slice(0, start), editsBefore, 0, start);
          const after = text.slice(end);
          const editedAfter = applyEdits(after, editsAfter, 0, after.length);
          const sections = withText(sample, id, before + anchor.exact + editedAfter);
          const result = reanchor(anchor, sections);
          expect(['exact', 'moved']).toContain(result.status);
          expect(result.anchor.sectionId).toBe(id);
          expect(result.anchor.start).toBe(before.length);
          expect(result.anchor.exact).toBe(anchor.exact);
        },
      ),
      { seed: 20240613, numRuns: 300 },
    );
  });

  it('finds the quote approximately after small edits inside it and edits beyond its context', () => {
    const charEdit = fc.record({
      kind: fc.constantFrom('insert', 'delete', 'replace'),
      at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
      char: fc.constantFrom('x', 'q', 'z', '-', 'k'),
    });
    fc.assert(
      fc.property(
        passage,
        fc.array(charEdit, { minLength: 1, maxLength: 3 }),
        fc.array(edit, { minLength: 0, maxLength: 6 }),
        fc.array(edit, { minLength: 0, maxLength: 6 }),
        ({ id, text, start, end }, inside, editsBefore, editsAfter) => {
          const anchor = createTextAnchor(id, text, start, end);
          let quote = anchor.exact;
          for (const { kind, at, char } of inside) {
            // Inside the quote, not on its first or last character.
            const position = 1 + Math.floor(at * (quote.length - 2));
            const cut = kind === 'insert' ? 0 : 1;
            quote =
              quote.slice(0, position) +
              (kind === 'delete' ? '' : char) +
              quote.slice(position + cut);
          }
          // Edits keep clear of the 32 characters of context either side.
          const head = text.slice(0, start);
          const before = applyEdits(
            head,
            editsBefore,
            0,
            Math.max(0, head.length - CONTEXT_LENGTH),
          );
          const tail = text.slice(end);
          const after = applyEdits(
            tail,
            editsAfter,
            Math.min(tail.length, CONTEXT_LENGTH),
            tail.length,
          );
          const sections = withText(sample, id, before + quote + after);
          const result = reanchor(anchor, sections);
          expect(result.status).not.toBe('orphaned');
          expect(result.anchor.sectionId).toBe(id);
          expect(Math.abs(result.anchor.start - before.length)).toBeLessThanOrEqual(inside.length);
          expect(Math.abs(result.anchor.end - (before.length + quote.length))).toBeLessThanOrEqual(
            inside.length,
          );
          expect(similarityTo(quote)(result.anchor.exact)).toBeGreaterThanOrEqual(0.8);
          if (result.status === 'fuzzy') {
            expect(result.score).toBeGreaterThanOrEqual(MIN_FUZZY_SCORE);
            expect(result.score).toBeLessThan(1);
          }
        },
      ),
      { seed: 20240613, numRuns: 300 },
    );
  });
});
