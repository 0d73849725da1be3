import { beforeAll, describe, expect, it } from 'vitest';
import {
  exportBriefMarkdown,
  type BriefAnnotations,
} from '../../src/main/export/exportBriefMarkdown';
import type { ExportOptions } from '../../src/shared/exportOptions';
import type { Highlight } from '../../src/shared/highlights';
import type { Brief, NoteDoc, Section } from '../../src/shared/model';
import { highlightOf, loadSampleBrief, sampleAnnotations } from './helpers/exportSample';
import { parseExport, type ParsedBlock, type ParsedExport } from './helpers/exportStructure';

const EXPORTED_AT = new Date('2026-11-27T18:04:00Z');
const PLANS = 'implementation-of-natos-new-defence-plans';
const PLEDGE = 'towards-a-new-defence-industrial-pledge';
const NUCLEAR = 'nato-nuclear-posture-and-adaptation';
const RESPONSE = 'iii-response-to-russias-hostile-actions-toward-allies';

let brief: Brief;
beforeAll(async () => {
  brief = await loadSampleBrief();
});

function exportWith(
  annotations: Partial<BriefAnnotations> = {},
  options: Partial<ExportOptions> = {},
): string {
  return exportBriefMarkdown(
    brief,
    { ...sampleAnnotations(brief), ...annotations },
    { exportedAt: EXPORTED_AT, ...options },
  );
}

function sectionOf(id: string): Section {
  const section = brief.sections.find((candidate) => candidate.id === id);
  if (!section) throw new Error(`no section ${id}`);
  return section;
}

/** The blocks under a heading, up to the next heading. */
function blocksUnder(parsed: ParsedExport, heading: string): ParsedBlock[] {
  const start = parsed.blocks.findIndex(
    (block) => block.kind === 'heading' && block.text === heading,
  );
  expect(start, `heading “${heading}”`).toBeGreaterThanOrEqual(0);
  const rest = parsed.blocks.slice(start + 1);
  const end = rest.findIndex((block) => block.kind === 'heading');
  return end < 0 ? rest : rest.slice(0, end);
}

function idsUnder(parsed: ParsedExport, heading: string): string[] {
  return blocksUnder(parsed, heading).flatMap((block) =>
    block.kind === 'highlight' ? [block.highlight.link.highlightId] : [],
  );
}

const paragraphNote = (...content: NoteDoc[]): NoteDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content }],
});

describe('highlights in the Markdown export', () => {
  it('puts highlights under their section in text order, before the section’s note', () => {
    const parsed = parseExport(exportWith());
    const under = blocksUnder(parsed, "Implementation of NATO's new defence plans");
    expect(under.map((block) => block.kind)).toEqual(['highlight', 'highlight', 'other']);
    // The second was made first, but comes later in the text.
    expect(idsUnder(parsed, "Implementation of NATO's new defence plans")).toEqual([
      '0c1d2e3f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
      '8b20c4d6-1e2f-4a3b-8c9d-0e1f2a3b4c5d',
    ]);
    const underNsatu = blocksUnder(parsed, 'The NATO Security Assistance and Training for Ukraine');
    expect(underNsatu[0]).toMatchObject({
      kind: 'highlight',
      highlight: {
        quote: 'NATO will oversee the training of Ukrainian forces in Allied nations',
        roleLabel: 'Key point',
        comment: 'Who staffs the logistical nodes in the Eastern part?',
      },
    });
    expect(underNsatu[1]).toMatchObject({
      kind: 'paragraph',
      text: expect.stringMatching(/^See the/),
    });
  });

  it('writes the design’s quote, attribution, link and block id', () => {
    const markdown = exportWith();
    expect(markdown).toContain(
      [
        '> Today we have 500,000 troops at high readiness across all domains\\',
        `> — **Evidence** · [open in Briefmark](briefmark://brief/${brief.id}/section/${PLANS}#h-8b20c4d6-1e2f-4a3b-8c9d-0e1f2a3b4c5d) ^h-8b20c4d6`,
      ].join('\n'),
    );
  });

  it('writes a comment as its own paragraph, and none for a highlight without one', () => {
    const parsed = parseExport(exportWith());
    const byId = new Map(parsed.highlights.map((h) => [h.link.highlightId, h]));
    expect(byId.get('c41e5f70-2a3b-4c5d-9e8f-7a6b5c4d3e2f')?.comment).toBe(
      'Check against the *2024* figures, not #2023.\nThen update the table.',
    );
    expect(byId.get('8b20c4d6-1e2f-4a3b-8c9d-0e1f2a3b4c5d')?.comment).toBeNull();
  });

  it('names each role as the user named it', () => {
    const parsed = parseExport(exportWith());
    const labels = new Set(parsed.highlights.map((h) => h.roleLabel));
    expect(labels).toEqual(new Set(['Key point', 'Evidence', 'Question', 'Disagree', 'To do']));
    const renamed = parseExport(exportWith({ roleLabels: { evidence: 'Data *point*' } }));
    expect(renamed.highlights.map((h) => h.roleLabel)).toContain('Data *point*');
  });

  it('shows a selection that spans two sections under each of them', () => {
    const parsed = parseExport(exportWith());
    expect(idsUnder(parsed, 'Towards a new Defence Industrial Pledge')).toEqual([
      '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    ]);
    expect(idsUnder(parsed, 'NATO Nuclear Posture and Adaptation')).toEqual([
      'a1b2c3d4-6f7a-4b8c-9d0e-f1a2b3c4d5e6',
    ]);
  });

  it('keeps every highlight not found in this edition, last, with its original heading', () => {
    const { highlights } = sampleAnnotations(brief);
    const strayed: Highlight = {
      // Not flagged as orphaned, but its section is gone: kept all the same.
      ...highlights[0]!,
      id: 'bbbbbbbb-0000-4000-8000-000000000001',
      anchor: { ...highlights[0]!.anchor, sectionId: 'a-section-that-was-removed' },
    };
    const parsed = parseExport(exportWith({ highlights: [...highlights, strayed] }));
    expect(parsed.headings.at(-1)).toEqual([2, 'Highlights not found in this edition']);
    const orphans = idsUnder(parsed, 'Highlights not found in this edition');
    expect(new Set(orphans)).toEqual(
      new Set(['f0e1d2c3-8b9a-4f6e-9d4c-3b2a1f0e9d8c', 'bbbbbbbb-0000-4000-8000-000000000001']),
    );
    const byId = (id: string) => parsed.highlights.find((h) => h.link.highlightId === id);
    const orphan = byId('f0e1d2c3-8b9a-4f6e-9d4c-3b2a1f0e9d8c');
    const stray = byId('bbbbbbbb-0000-4000-8000-000000000001');
    expect(orphan).toMatchObject({
      quote: 'Allies will agree a pledge on long-term support at the Summit.',
      roleLabel: 'Key point',
      comment: 'Was this dropped from the final text?',
      sectionHeading: 'Preparations for the Washington Summit',
    });
    expect(stray?.sectionHeading).toBe('a-section-that-was-removed');
    // Every highlight is in the file exactly once.
    expect(parsed.highlights).toHaveLength(highlights.length + 1);
  });

  it('shows only sections with a note or a highlight, and their parents, unless asked for all', () => {
    const parsed = parseExport(exportWith());
    const headings = parsed.headings.map(([, text]) => text);
    expect(headings).not.toContain('Introduction');
    expect(headings).not.toContain("III. RESPONSE TO RUSSIA'S HOSTILE ACTIONS TOWARD ALLIES");
    // No highlight or note of its own, shown as the parent of highlighted sections.
    expect(headings).toContain('I. PREDICTABLE AND COORDINATED SUPPORT FOR UKRAINE');
    expect(blocksUnder(parsed, 'I. PREDICTABLE AND COORDINATED SUPPORT FOR UKRAINE')).toEqual([]);

    const all = parseExport(exportWith({}, { includeAllSections: true }));
    expect(all.headings.slice(1, -1)).toEqual(
      brief.sections.map((section) => [section.level + 1, section.heading]),
    );
  });

  it('adds each shown section’s text, escaped, after its heading and before its highlights', () => {
    const parsed = parseExport(exportWith({}, { includeFullText: true }));
    const under = blocksUnder(parsed, 'II. ALLIED DETERRENCE AND DEFENCE');
    expect(under.map((block) => block.kind)).toEqual(['paragraph', 'highlight']);
    expect(under[0]).toEqual({
      kind: 'paragraph',
      text: '[Note: A few days after the meeting, NATO released the latest figures for Allied defence expenditures. These show 23 Allies meeting the 2% target in 2024, up from three in 2014.]',
      isPlain: true,
    });
    const plans = blocksUnder(parsed, "Implementation of NATO's new defence plans");
    expect(plans.map((block) => block.kind)).toEqual([
      'paragraph',
      'highlight',
      'highlight',
      'other',
    ]);
    expect(plans[0]).toMatchObject({
      text: expect.stringContaining('Today we have 500,000 troops at high readiness'),
    });
    // Sections without notes or highlights still stay out.
    expect(parsed.headings.map(([, text]) => text)).not.toContain(
      "III. RESPONSE TO RUSSIA'S HOSTILE ACTIONS TOWARD ALLIES",
    );
  });

  it('groups highlights under one heading per role, in role order, each naming its section', () => {
    const parsed = parseExport(exportWith({}, { groupByRole: true }));
    expect(parsed.headings.slice(1, 7)).toEqual([
      [2, 'Key point'],
      [2, 'Evidence'],
      [2, 'Question'],
      [2, 'Disagree'],
      [2, 'To do'],
      [2, 'Sections'],
    ]);
    const evidence = blocksUnder(parsed, 'Evidence');
    expect(
      evidence.map((block) => block.kind === 'highlight' && block.highlight.sectionHeading),
    ).toEqual(['II. ALLIED DETERRENCE AND DEFENCE', "Implementation of NATO's new defence plans"]);
    // Notes stay under their sections, one level down; highlights are not repeated there.
    expect(parsed.headings).toContainEqual([4, "Implementation of NATO's new defence plans"]);
    expect(idsUnder(parsed, "Implementation of NATO's new defence plans")).toEqual([]);
    expect(parsed.headings.at(-1)).toEqual([2, 'Highlights not found in this edition']);
  });

  it('leaves out the heading of a role without highlights', () => {
    const highlights = sampleAnnotations(brief).highlights.filter((h) => h.role !== 'question');
    const parsed = parseExport(exportWith({ highlights }, { groupByRole: true }));
    expect(parsed.headings.map(([, text]) => text)).not.toContain('Question');
  });

  it('ignores highlights of another brief', () => {
    const [first] = sampleAnnotations(brief).highlights;
    const parsed = parseExport(exportWith({ highlights: [{ ...first!, briefId: 'other' }] }));
    expect(parsed.highlights).toEqual([]);
  });
});

describe('block ids', () => {
  it('are the start of the highlight id, the same in every export, and unique', () => {
    const first = parseExport(exportWith());
    const fewer = sampleAnnotations(brief).highlights.slice(2);
    const second = parseExport(exportWith({ highlights: fewer }));
    const idsOf = (parsed: ParsedExport) =>
      new Map(parsed.highlights.map((h) => [h.link.highlightId, h.blockId]));
    const before = idsOf(first);
    for (const [highlightId, blockId] of idsOf(second)) {
      expect(before.get(highlightId)).toBe(blockId);
      expect(blockId).toBe(`h-${highlightId.replace(/-/g, '').slice(0, 8)}`);
    }
    expect(new Set(before.values()).size).toBe(before.size);
  });

  it('give the later of two look-alike ids a longer block id, leaving the older one alone', () => {
    const [base] = sampleAnnotations(brief).highlights;
    const older = {
      ...base!,
      id: 'abcdef01-1111-4000-8000-000000000001',
      createdAt: '2026-01-01T00:00:00Z',
    };
    const newer = {
      ...base!,
      id: 'abcdef01-1111-4000-8000-000000000002',
      createdAt: '2026-02-01T00:00:00Z',
    };
    const alone = parseExport(exportWith({ highlights: [older] }));
    const both = parseExport(exportWith({ highlights: [newer, older] }));
    expect(alone.highlights[0]?.blockId).toBe('h-abcdef01');
    const blockIds = new Map(both.highlights.map((h) => [h.link.highlightId, h.blockId]));
    expect(blockIds.get(older.id)).toBe('h-abcdef01');
    expect(blockIds.get(newer.id)).toMatch(/^h-abcdef01[0-9a-f]{4,}$/);
    expect(blockIds.get(newer.id)).not.toBe('h-abcdef01');
  });

  it('sit at the end of the quote’s last line, each once in the file', () => {
    const markdown = exportWith({}, { includeFullText: true, includeAllSections: true });
    const ids = [...markdown.matchAll(/\^(h-[a-z0-9-]+)/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(sampleAnnotations(brief).highlights.length);
    for (const line of markdown.split('\n').filter((l) => l.includes(' ^h-'))) {
      expect(line).toMatch(/^> — .* \^h-[a-z0-9]+$/);
    }
  });
});

describe('hostile text stays text', () => {
  const HOSTILE = [
    '> not a nested quote',
    '# not a heading',
    '## Article 5 ##',
    '*stars* and **bold** and _under_ and __dunder__',
    '[a link](https://example.com) and [[a wiki link]] and ![image](x.png)',
    '`code` and ``` a fence',
    '<script>alert(1)</script> and <b>bold</b> and <https://autolink.example>',
    'a | table | row',
    '|---|---|',
    'first line\nsecond line',
    '1. not a list',
    '2) not a list either',
    '- not a bullet',
    '+ not a bullet',
    '* not a bullet',
    '---',
    '===',
    'setext\n===',
    'setext\n---',
    'ends with a backslash \\',
    'ends with a backslash\\\nand goes on',
    '~~struck~~ and ==marked== and %%hidden%% and $x^2$ and US$5bn, US$10bn',
    '&amp; &#35; &copy; stay as typed',
    '#tag #another',
    '[^1] footnote and [x]: /url "title"',
    'a quote ^h-deadbeef that looks like a block id',
    'para one\n\npara two\n\n\n\npara three',
    '    indented like code',
    '\ttabbed',
    '1.\n-\n+\n>\n#',
  ];

  it.each(HOSTILE)('keeps the quote %j as one block quote with the same text', (exact) => {
    const [base] = sampleAnnotations(brief).highlights;
    const highlight: Highlight = {
      ...base!,
      anchor: { ...base!.anchor, exact },
      comment: exact,
    };
    for (const options of [{}, { groupByRole: true }]) {
      const parsed = parseExport(
        exportWith(
          { highlights: [highlight], notes: [], roleLabels: { 'key-point': exact.split('\n')[0] } },
          options,
        ),
      );
      expect(parsed.highlights).toHaveLength(1);
      const [quote] = parsed.highlights;
      const expected = exact
        .split('\n')
        .map((line) => line.trim())
        .join('\n')
        .replace(/\n{3,}/g, '\n\n');
      expect(quote?.quote).toBe(expected);
      expect(quote?.quoteIsPlain).toBe(true);
      expect(quote?.comment).toBe(expected.replace(/\n+/g, '\n'));
      expect(quote?.roleLabel).toBe(exact.split('\n')[0]?.trim());
      expect(quote?.link.highlightId).toBe(base!.id);
      // Nothing but headings, the quote and its comment: no stray list, rule or HTML.
      expect(parsed.blocks.filter((block) => block.kind === 'other')).toEqual([]);
    }
  });

  it('keeps section headings with Markdown characters intact in a grouped export', () => {
    const hostile = '#1: *eastern* [flank] <b> | `x` \\';
    const sections = brief.sections.map((section) =>
      section.id === PLANS ? { ...section, heading: hostile } : section,
    );
    const withHostile: Brief = { ...brief, sections };
    const markdown = exportBriefMarkdown(withHostile, sampleAnnotations(brief), {
      exportedAt: EXPORTED_AT,
      groupByRole: true,
    });
    const parsed = parseExport(markdown);
    const inPlans = parsed.highlights.filter((h) => h.link.sectionId === PLANS);
    expect(inPlans.map((h) => h.sectionHeading)).toEqual([hostile, hostile]);
    expect(parsed.headings).toContainEqual([4, hostile]);
  });
});

describe('links in notes', () => {
  it('keeps briefmark://, http(s) and mailto links and drops every other kind', () => {
    const link = (href: string, index: number) => ({
      type: 'text',
      text: `link ${index}`,
      marks: [{ type: 'link', attrs: { href } }],
    });
    const hrefs = {
      kept: [
        `briefmark://brief/${brief.id}/section/${PLEDGE}#h-9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d`,
        'https://www.nato.int/',
        'http://example.org/a',
        'mailto:secretariat@example.org',
      ],
      dropped: [
        'javascript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'file:///etc/passwd',
        'briefmark:evil',
        'vbscript:msgbox',
      ],
    };
    const note = paragraphNote(
      ...[...hrefs.kept, ...hrefs.dropped].flatMap((href, index) => [
        link(href, index),
        { type: 'text', text: ' ' },
      ]),
    );
    const markdown = exportWith({
      highlights: [],
      notes: [{ briefId: brief.id, sectionId: RESPONSE, doc: note, updatedAt: '' }],
    });
    for (const href of hrefs.kept) expect(markdown).toContain(`](${href})`);
    for (const href of hrefs.dropped) expect(markdown).not.toContain(href);
    expect(markdown).not.toMatch(/javascript|vbscript|file:|data:/);
  });
});

describe('the outline', () => {
  it('keeps the whole path of headings down to a highlighted subsection', () => {
    const highlight = highlightOf(brief, NUCLEAR, 'Nuclear Planning Group', {
      id: 'cccccccc-0000-4000-8000-000000000001',
      role: 'question',
      createdAt: '2026-11-27T17:00:00.000Z',
    });
    const parsed = parseExport(exportWith({ highlights: [highlight], notes: [] }));
    expect(parsed.headings).toEqual([
      [1, brief.title],
      [2, sectionOf('ii-allied-deterrence-and-defence').heading],
      [3, sectionOf(NUCLEAR).heading],
    ]);
  });
});
