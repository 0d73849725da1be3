import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBriefMarkdown } from '../../src/main/export/exportBriefMarkdown';
import type { Library } from '../../src/main/services/Library';
import { openLibrary } from '../../src/main/services/openLibrary';
import { sectionTextLayout } from '../../src/shared/anchoring/sectionTextLayout';
import type { ExportOptions } from '../../src/shared/exportOptions';
import {
  DEFAULT_ROLE_LABELS,
  HIGHLIGHT_ROLES,
  type Highlight,
  type HighlightRole,
} from '../../src/shared/highlights';
import type { Brief, Section, SectionNote } from '../../src/shared/model';
import { loadSampleBrief, sampleAnnotations } from './helpers/exportSample';
import { expectedPlainText, parseExport } from './helpers/exportStructure';
import { corpusDir, sampleBriefPath, tempDbPath } from './helpers/tempLibrary';

/** Every combination of the three options. */
const OPTION_SETS: ExportOptions[] = [0, 1, 2, 3, 4, 5, 6, 7].map((bits) => ({
  includeAllSections: (bits & 1) !== 0,
  includeFullText: (bits & 2) !== 0,
  groupByRole: (bits & 4) !== 0,
  sidecar: false,
}));

const describeOptions = (options: ExportOptions) =>
  Object.entries(options)
    .map(([key, on]) => `${key} ${on ? 'on' : 'off'}`)
    .join(', ');

interface Exported {
  brief: Brief;
  notes: SectionNote[];
  highlights: Highlight[];
  roleLabels: Record<HighlightRole, string>;
  previousHeadings: ReadonlyMap<string, string>;
}

const oneLine = (text: string) => text.replace(/\s+/gu, ' ').trim();
const headingText = (section: Section) => oneLine(section.heading) || `Section ${section.path}`;

/**
 * Parses an export with the CommonMark reference parser and checks its structure against what
 * was exported: front matter, the heading tree, each highlight as exactly one block quote with
 * its quote, role, comment, link and a block id of its own, and the sections' text.
 */
function expectValidExport(markdown: string, exported: Exported, options: ExportOptions): void {
  const { brief, notes, highlights, roleLabels, previousHeadings } = exported;
  const parsed = parseExport(markdown);

  const title = brief.title.trim() || brief.meta.title.trim() || 'Untitled brief';
  const tags = brief.meta.tags.map((tag) => tag.trim()).filter((tag) => tag !== '');
  expect(parsed.frontMatter).toMatchObject({
    title,
    source: brief.sourceName,
    ...(tags.length > 0 ? { tags } : {}),
    ...(brief.meta.language ? { language: brief.meta.language } : {}),
  });
  expect(String(parsed.frontMatter.exported)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

  // Which sections should be shown, worked out from the data rather than the file.
  const sectionIds = new Set(brief.sections.map((section) => section.id));
  const placed = highlights.filter(
    (h) => h.status !== 'orphaned' && sectionIds.has(h.anchor.sectionId),
  );
  const orphans = highlights.filter((h) => !placed.includes(h));
  const noted = new Set(
    notes.flatMap((note) =>
      note.sectionId !== null && sectionIds.has(note.sectionId) ? [note.sectionId] : [],
    ),
  );
  const highlighted = new Set(placed.map((h) => h.anchor.sectionId));
  const shown = new Set<string>();
  const byId = new Map(brief.sections.map((section) => [section.id, section]));
  for (const section of brief.sections) {
    const hasContent =
      noted.has(section.id) ||
      (highlighted.has(section.id) && (!options.groupByRole || options.includeFullText));
    if (!hasContent && !options.includeAllSections) continue;
    for (let current: Section | undefined = section; current;) {
      shown.add(current.id);
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
  }
  const offset = options.groupByRole ? 1 : 0;
  const sectionHeadings = brief.sections
    .filter((section) => shown.has(section.id))
    .map((section): [number, string] => [
      Math.min(6, Math.max(2, section.level + 1 + offset)),
      headingText(section),
    ]);
  const roleHeadings = options.groupByRole
    ? HIGHLIGHT_ROLES.filter((role) => placed.some((h) => h.role === role)).map(
        (role): [number, string] => [2, roleLabels[role]],
      )
    : [];
  expect(parsed.headings).toEqual([
    [1, oneLine(title)],
    ...roleHeadings,
    ...(options.groupByRole && sectionHeadings.length > 0 ? [[2, 'Sections']] : []),
    ...sectionHeadings,
    ...(orphans.length > 0 ? [[2, 'Highlights not found in this edition']] : []),
  ]);

  // Every highlight exactly once, as one block quote that reads back as its quote.
  expect(parsed.highlights.map((h) => h.link.highlightId).sort()).toEqual(
    highlights.map((h) => h.id).sort(),
  );
  const blockIds = new Set<string>();
  for (const found of parsed.highlights) {
    const highlight = highlights.find((h) => h.id === found.link.highlightId)!;
    expect(found.quote).toBe(expectedPlainText(highlight.anchor.exact));
    expect(found.quoteIsPlain).toBe(true);
    expect(found.roleLabel).toBe(roleLabels[highlight.role]);
    expect(found.link).toEqual({
      briefId: brief.id,
      sectionId: highlight.anchor.sectionId,
      highlightId: highlight.id,
    });
    const comment = expectedPlainText(highlight.comment).replace(/\n+/g, '\n');
    expect(found.comment).toBe(comment === '' ? null : comment);
    const named = options.groupByRole || orphans.includes(highlight);
    const heading =
      previousHeadings.get(highlight.id) ??
      (byId.get(highlight.anchor.sectionId)
        ? headingText(byId.get(highlight.anchor.sectionId)!)
        : highlight.anchor.sectionId);
    expect(found.sectionHeading).toBe(named ? oneLine(heading) : null);
    expect(found.blockId).toMatch(/^h-[a-z0-9]{8,}$/);
    blockIds.add(found.blockId);
  }
  expect(blockIds.size).toBe(highlights.length);
  for (const blockId of blockIds) {
    expect(markdown.split(`^${blockId}`).length - 1, blockId).toBe(1);
  }

  // Nothing but headings, quotes and paragraphs: the notes here are plain paragraphs too.
  expect(parsed.blocks.filter((block) => block.kind === 'other')).toEqual([]);
  if (options.includeFullText) {
    // The heading tree matched above, so the n-th section heading is the n-th shown section's.
    const headingBlocks = parsed.blocks.flatMap((block, index) =>
      block.kind === 'heading' ? [index] : [],
    );
    const firstSection = 1 + roleHeadings.length + (options.groupByRole ? 1 : 0);
    const headingBlockAt = new Map(
      brief.sections
        .filter((section) => shown.has(section.id))
        .map((section, index) => [section.id, headingBlocks[firstSection + index]!]),
    );
    for (const section of brief.sections.filter((s) => shown.has(s.id))) {
      const { text, blocks } = sectionTextLayout(section);
      const expected = blocks.flatMap(({ start, end }) =>
        expectedPlainText(text.slice(start, end))
          .split('\n\n')
          .filter((paragraph) => paragraph !== ''),
      );
      const at = headingBlockAt.get(section.id) ?? -1;
      const under = parsed.blocks.slice(at + 1, at + 1 + expected.length);
      expect(under, section.id).toEqual(
        expected.map((paragraph) => ({ kind: 'paragraph', text: paragraph, isPlain: true })),
      );
    }
  }
}

describe('the sample brief export read by a CommonMark parser', () => {
  let exported: Exported;
  beforeAll(async () => {
    const brief = await loadSampleBrief();
    const annotations = sampleAnnotations(brief);
    // Plain-paragraph notes only, so every block in the file is accounted for.
    const notes = annotations.notes.filter((note) => note.sectionId === null);
    notes.push({
      briefId: brief.id,
      sectionId: 'long-term-financial-commitment',
      doc: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Note on the pledge.' }] }],
      },
      updatedAt: '',
    });
    exported = {
      brief,
      notes,
      highlights: annotations.highlights,
      roleLabels: { ...DEFAULT_ROLE_LABELS, ...annotations.roleLabels },
      previousHeadings: annotations.previousHeadings,
    };
  });

  it.each(OPTION_SETS.map((options) => [describeOptions(options), options] as const))(
    'keeps its structure with %s',
    (_name, options) => {
      const markdown = exportBriefMarkdown(exported.brief, exported, {
        ...options,
        exportedAt: new Date('2026-11-27T18:04:00Z'),
      });
      expectValidExport(markdown, exported, options);
    },
  );
});

const CORPUS = [
  'nato-pa-128-spe-24-e-defence-ministers-2024-06.txt',
  'alga-2025-financial-assistance-grants-policy-brief.docx',
  'gao-07-791-reexamining-regulations-retrospective-reviews.html',
  'dia-2025-digital-infrastructure-alliance-brief.md',
  'worldbank-syrian-conflict-economic-impacts-note-arabic.txt',
  'worldbank-ahlc-economic-monitoring-2015-09-exec-summary-hebrew.txt',
  'worldbank-ukraine-economic-snapshot-2017-10-ukrainian.txt',
  'crs-legal-sidebar-lsb11421-v1-esa-god-squad-exemption.pdf',
];

/** A small deterministic random source, so a failure can be replayed. */
function randomSource(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
}

const COMMENTS = [
  '',
  'Check the *figures* against #2023 and [the annex].',
  'Two lines:\n> not a quote\n1. not a list',
  '',
  'Ask <b>who</b> pays | how much | when `now`',
];

/**
 * Highlights as a reader would make them: a dozen passages of a few words to a few paragraphs,
 * each starting and ending at a space, in every role, some with comments, one selection across
 * two sections. Through the library, so anchors come from the stored text.
 */
function highlightCorpusBrief(library: Library, briefId: string, seed: number): void {
  const random = randomSource(seed);
  const brief = library.getBrief(briefId);
  const texts = brief.sections
    .map((section) => ({ id: section.id, text: sectionTextLayout(section).text }))
    .filter(({ text }) => text.trim().length > 40);
  const spaces = (text: string) =>
    [...text.matchAll(/\s/g)].map((match) => match.index ?? 0).filter((i) => i > 0);
  // Twelve passages spread over the sections, several in one section when there are few.
  const step = Math.max(1, Math.floor(texts.length / 12));
  const picks = Array.from({ length: 12 }, (_, index) => texts[(index * step) % texts.length]!);
  picks.forEach(({ id, text }, index) => {
    const breaks = [0, ...spaces(text), text.length];
    // A few tries: two breaks side by side (a blank line) hold no text between them.
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const from = random(breaks.length - 1);
      const to = Math.min(breaks.length - 1, from + 1 + random(60));
      const start = breaks[from]! === 0 ? 0 : breaks[from]! + 1;
      const end = breaks[to]!;
      if (end <= start || text.slice(start, end).trim() === '') continue;
      library.highlights.create(
        briefId,
        [{ sectionId: id, start, end }],
        HIGHLIGHT_ROLES[index % HIGHLIGHT_ROLES.length]!,
        COMMENTS[index % COMMENTS.length]!,
      );
      return;
    }
  });
  const [first, second] = texts.slice(1, 3);
  if (first && second) {
    const tail = Math.max(0, first.text.lastIndexOf(' ', first.text.length - 20) + 1);
    const head = second.text.indexOf(' ', 20);
    library.highlights.create(
      briefId,
      [
        { sectionId: first.id, start: tail, end: first.text.length },
        { sectionId: second.id, start: 0, end: head > 0 ? head : second.text.length },
      ],
      'action',
      'Spans two sections',
    );
  }
}

describe('corpus briefs with generated highlights read by a CommonMark parser', () => {
  let library: Library;
  const briefIds = new Map<string, string>();
  beforeAll(async () => {
    library = openLibrary({ dbPath: tempDbPath(), sampleBriefPath });
    const settings = library.readerSettings();
    library.saveReaderSettings({
      ...settings,
      roles: { ...settings.roles, action: { ...settings.roles.action, label: 'To do *now*' } },
    });
    for (const [index, file] of CORPUS.entries()) {
      const imported = await library.importFile(file, readFileSync(join(corpusDir, file)));
      briefIds.set(file, imported.id);
      highlightCorpusBrief(library, imported.id, 1000 + index);
      // A note on every fifth section, a plain paragraph.
      library.getBrief(imported.id).sections.forEach((section, at) => {
        if (at % 5 !== 2) return;
        library.saveNote(imported.id, section.id, {
          type: 'doc',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: `Note on ${section.path}.` }] },
          ],
        });
      });
    }
  }, 120_000);
  afterAll(() => library.close());

  it.each(CORPUS)(
    '%s keeps its structure with every option on and off',
    (file) => {
      const briefId = briefIds.get(file)!;
      const highlights = library.highlights.list(briefId);
      expect(highlights.length).toBeGreaterThan(5);
      expect(new Set(highlights.map((h) => h.role)).size).toBe(HIGHLIGHT_ROLES.length);
      const exported: Exported = {
        brief: library.getBrief(briefId),
        notes: library.listNotes(briefId),
        highlights,
        roleLabels: { ...DEFAULT_ROLE_LABELS, action: 'To do *now*' },
        previousHeadings: new Map(),
      };
      for (const options of OPTION_SETS) {
        const { markdown } = library.exportMarkdownWith(briefId, options);
        try {
          expectValidExport(markdown, exported, options);
        } catch (error) {
          throw new Error(`${file} with ${describeOptions(options)}: ${(error as Error).message}`, {
            cause: error,
          });
        }
      }
    },
    60_000,
  );
});
