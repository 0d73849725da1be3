import MarkdownIt, { type Token } from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { exportBriefMarkdown } from '../../src/main/export/exportBriefMarkdown';
import type { Brief, NoteDoc, Section, SectionNote } from '../../src/shared/model';

// Notes as TipTap's editor.getJSON() produces them.
type Mark = { type: string; attrs?: Record<string, unknown> };
const text = (value: string, ...marks: Mark[]): NoteDoc =>
  marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const bold: Mark = { type: 'bold' };
const italic: Mark = { type: 'italic' };
const link = (href: string): Mark => ({
  type: 'link',
  attrs: { href, target: '_blank', rel: 'noopener noreferrer nofollow', class: null, title: null },
});
const paragraph = (...content: NoteDoc[]): NoteDoc => ({ type: 'paragraph', content });
const heading = (level: number, ...content: NoteDoc[]): NoteDoc => ({
  type: 'heading',
  attrs: { level },
  content,
});
const bulletList = (...items: NoteDoc[][]): NoteDoc => ({
  type: 'bulletList',
  content: items.map((content) => ({ type: 'listItem', content })),
});
const taskList = (...items: [boolean, string][]): NoteDoc => ({
  type: 'taskList',
  content: items.map(([checked, label]) => ({
    type: 'taskItem',
    attrs: { checked },
    content: [paragraph(text(label))],
  })),
});
const blockquote = (...content: NoteDoc[]): NoteDoc => ({ type: 'blockquote', content });
const doc = (...content: NoteDoc[]): NoteDoc => ({ type: 'doc', content });

const BRIEF_ID = 'b7d1c0de';
const TITLE = "NATO Defence Ministers' Meeting, 13-14 June 2024: Key Takeaways";

function section(
  id: string,
  level: number,
  heading: string,
  path: string,
  parentId: string | null = null,
): Section {
  return {
    id,
    level,
    heading,
    path,
    parentId,
    blocks: [{ type: 'paragraph', content: [{ type: 'text', text: `Body of ${heading}.` }] }],
  };
}

const NATO_SECTIONS: Section[] = [
  section('focus-of-the-meetings', 1, 'Focus of the Meetings', '1'),
  section('decisions', 1, 'Decisions', '2'),
  section('i', 1, 'I. PREDICTABLE AND COORDINATED SUPPORT FOR UKRAINE', '3'),
  section('i-nsatu', 2, 'The NATO Security Assistance and Training for Ukraine', '3.1', 'i'),
  section('i-financial', 2, 'Long-term financial commitment', '3.2', 'i'),
  section('i-membership', 2, "Further steps on Ukraine's path to NATO membership", '3.3', 'i'),
  section(
    'i-jatec',
    2,
    'NATO-Ukraine Joint Analysis, Training and Education Centre (JATEC)',
    '3.4',
    'i',
  ),
  section('i-innovation', 2, 'NATO-Ukraine Innovation Cooperation Roadmap', '3.5', 'i'),
  section('ii', 1, 'II. ALLIED DETERRENCE AND DEFENCE', '4'),
  section('ii-plans', 2, "Implementation of NATO's new defence plans", '4.1', 'ii'),
  section('ii-pledge', 2, 'Towards a new Defence Industrial Pledge', '4.2', 'ii'),
  section('ii-nuclear', 2, 'NATO Nuclear Posture and Adaptation', '4.3', 'ii'),
  section('iii', 1, "III. RESPONSE TO RUSSIA'S HOSTILE ACTIONS TOWARD ALLIES", '5'),
];

function natoBrief(
  overrides: { title?: string; sections?: Section[]; tags?: string[]; authors?: string[] } = {},
): Brief {
  const title = overrides.title ?? TITLE;
  return {
    id: BRIEF_ID,
    title,
    organisation: 'NATO Parliamentary Assembly',
    reference: '128 SPE 24 E',
    date: '2024-06',
    format: 'text',
    sourceName: 'nato-pa-128-spe-24-e-defence-ministers-2024-06.txt',
    importedAt: '2026-11-27T17:55:00.000Z',
    lastOpenedAt: null,
    sectionCount: (overrides.sections ?? NATO_SECTIONS).length,
    earlierEditions: 0,
    meta: {
      title,
      subtitle: null,
      organisation: 'NATO Parliamentary Assembly',
      reference: '128 SPE 24 E',
      date: '2024-06',
      documentType: 'Policy Brief',
      language: 'en',
      authors: overrides.authors ?? [],
      tags: overrides.tags ?? ['nato', 'ukraine', 'deterrence'],
    },
    sections: overrides.sections ?? NATO_SECTIONS,
  };
}

const note = (sectionId: string | null, content: NoteDoc): SectionNote => ({
  briefId: BRIEF_ID,
  sectionId,
  doc: content,
  updatedAt: '2026-11-27T18:00:00.000Z',
});

const NATO_NOTES: SectionNote[] = [
  note(
    null,
    doc(paragraph(text('Compare with the Washington Summit declaration when it is out.'))),
  ),
  note(
    'i-nsatu',
    doc(
      paragraph(
        text('Almost '),
        text('700 personnel', bold),
        text(' — who staffs the logistical nodes? See '),
        text('click me', link('javascript:alert(document.cookie)')),
        text('.'),
      ),
    ),
  ),
  note(
    'ii',
    doc(
      heading(1, text('Questions for the committee')),
      bulletList(
        [paragraph(text('ask for the '), text('force model', italic), text(' numbers'))],
        [
          paragraph(text('follow up', bold), text(' with the committee secretariat')),
          bulletList([paragraph(text('before the Washington Summit'))]),
        ],
        [
          paragraph(
            text('NATO defence plans', link('https://www.nato.int/cps/en/natohq/topics_49755.htm')),
          ),
        ],
      ),
      blockquote(
        paragraph(text('Today we have 500,000 troops at high readiness across all domains')),
      ),
      taskList([true, 'read the Pledge'], [false, 'compare with the 2023 Vilnius figures']),
    ),
  ),
  note(
    'ii-plans',
    doc(paragraph(text('Regional plans: check the '), text('2%', bold), text(' baseline.'))),
  ),
  // An emptied note and a note of blank lines count as no note.
  note('ii-pledge', doc(paragraph())),
  note('ii-nuclear', doc(paragraph(text('   ')), paragraph())),
];

const EXPORTED_AT = new Date('2026-11-27T18:04:00.731Z');

function exportNato(notes: SectionNote[] = NATO_NOTES, brief: Brief = natoBrief()): string {
  return exportBriefMarkdown(brief, { notes }, { exportedAt: EXPORTED_AT });
}

function splitFrontMatter(markdown: string): { frontMatter: string; body: string } {
  expect(markdown.startsWith('---\n')).toBe(true);
  const end = markdown.indexOf('\n---\n', 3);
  expect(end).toBeGreaterThan(0);
  return { frontMatter: markdown.slice(4, end), body: markdown.slice(end + 5) };
}

const markdownIt = new MarkdownIt();

function inlineText(token: Token | undefined): string {
  return (token?.children ?? [])
    .map((child) =>
      child.type === 'softbreak' || child.type === 'hardbreak' ? '\n' : child.content,
    )
    .join('');
}

/** [level, text] of every heading, as a CommonMark reader sees the exported body. */
function headingsOf(markdown: string): [number, string][] {
  const tokens = markdownIt.parse(splitFrontMatter(markdown).body, {});
  return tokens.flatMap((token, index): [number, string][] =>
    token.type === 'heading_open'
      ? [[Number(token.tag.slice(1)), inlineText(tokens[index + 1])]]
      : [],
  );
}

/** The Markdown lines under a heading line, up to the next heading of the same or a higher level. */
function linesUnder(markdown: string, headingLine: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(headingLine);
  expect(start, `heading ${headingLine}`).toBeGreaterThanOrEqual(0);
  const level = /^#+/.exec(headingLine)?.[0].length ?? 0;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => {
    const match = /^(#{1,6}) /.exec(line);
    return match?.[1] !== undefined && match[1].length <= level;
  });
  return end === -1 ? rest : rest.slice(0, end);
}

describe('exportBriefMarkdown', () => {
  it('writes front matter that parses back to the brief metadata', () => {
    const authors = ['Jane Doe', 'Sir "Ed" Smith: rapporteur'];
    const { frontMatter } = splitFrontMatter(exportNato([], natoBrief({ authors })));
    const expected = {
      title: TITLE,
      organisation: 'NATO Parliamentary Assembly',
      reference: '128 SPE 24 E',
      type: 'Policy Brief',
      date: '2024-06',
      language: 'en',
      authors,
      tags: ['nato', 'ukraine', 'deterrence'],
      source: 'nato-pa-128-spe-24-e-defence-ministers-2024-06.txt',
      exported: '2026-11-27T18:04:00Z',
    };
    expect(parseYaml(frontMatter)).toEqual(expected);
    // YAML 1.1 readers (many note apps) read the export time as a date, to the same second.
    const { exported, ...rest } = parseYaml(frontMatter, { version: '1.1' }) as Record<
      string,
      unknown
    >;
    const { exported: exportedString, ...expectedRest } = expected;
    expect(rest).toEqual(expectedRest);
    expect(exported).toEqual(new Date(exportedString));
    expect(frontMatter).toContain(`title: "${TITLE}"`);
  });

  it.each([
    'Brief: "quoted" #1 -- yes: no',
    '- starts like a list item',
    '#hashtag at the start',
    'ends with a colon:',
    '[flow, sequence] and {a: map}',
    "single 'quotes' and back\\slash",
    '& anchor * alias ! tag % directive @ at ` tick | pipe > fold ? key',
    'yes',
    'No',
    'null',
    '~',
    '2024',
    '1e5',
    '0x1F',
    'two\nlines\tand a tab',
    'الناتو: اجتماع وزراء الدفاع',
    'Unicode line\u2028separator and a bell \u0007',
  ])('keeps the hostile value %j intact in the front matter', (value) => {
    const brief = natoBrief({ title: value, tags: [value, 'a, b', 'yes'], authors: [value] });
    brief.meta.organisation = value;
    const { frontMatter } = splitFrontMatter(exportNato([], brief));
    for (const version of ['1.1', '1.2'] as const) {
      const parsed = parseYaml(frontMatter, { version }) as Record<string, unknown>;
      expect(parsed.title).toBe(value);
      expect(parsed.organisation).toBe(value);
      expect(parsed.tags).toEqual([value, 'a, b', 'yes']);
      expect(parsed.authors).toEqual([value]);
    }
    // One line per key: nothing in a value can end the front matter early.
    expect(frontMatter.split('\n')).toHaveLength(10);
  });

  it('puts the note on section II under its heading, before the next section', () => {
    const markdown = exportNato();
    const under = linesUnder(markdown, '## II. ALLIED DETERRENCE AND DEFENCE');
    const nextSection = under.indexOf("### Implementation of NATO's new defence plans");
    expect(nextSection).toBeGreaterThan(0);
    const noteLines = under.slice(0, nextSection);
    expect(noteLines.join('\n')).toContain('**follow up** with the committee secretariat');
    expect(noteLines.join('\n')).toContain('> Today we have 500,000 troops at high readiness');
    // The note's own heading sits below the section's heading.
    expect(noteLines).toContain('### Questions for the committee');
    expect(markdown.indexOf('**follow up**')).toBeLessThan(
      markdown.indexOf("### Implementation of NATO's new defence plans"),
    );
  });

  it('keeps the parent heading of a subsection that has a note', () => {
    const markdown = exportNato();
    const underI = linesUnder(markdown, '## I. PREDICTABLE AND COORDINATED SUPPORT FOR UKRAINE');
    expect(underI.filter((line) => line !== '')[0]).toBe(
      '### The NATO Security Assistance and Training for Ukraine',
    );
    expect(
      linesUnder(markdown, '### The NATO Security Assistance and Training for Ukraine').join('\n'),
    ).toContain('Almost **700 personnel**');
  });

  it('leaves out sections without a note, including emptied and blank notes', () => {
    const markdown = exportNato();
    for (const heading of [
      'Focus of the Meetings',
      'Decisions',
      'Long-term financial commitment',
      'NATO-Ukraine Innovation Cooperation Roadmap',
      'Towards a new Defence Industrial Pledge',
      'NATO Nuclear Posture and Adaptation',
      "III. RESPONSE TO RUSSIA'S HOSTILE ACTIONS TOWARD ALLIES",
    ]) {
      expect(markdown).not.toContain(heading);
    }
    expect(markdown).not.toContain('&nbsp;');
  });

  it('gives a CommonMark reader the brief outline as headings', () => {
    expect(headingsOf(exportNato())).toEqual([
      [1, TITLE],
      [2, 'I. PREDICTABLE AND COORDINATED SUPPORT FOR UKRAINE'],
      [3, 'The NATO Security Assistance and Training for Ukraine'],
      [2, 'II. ALLIED DETERRENCE AND DEFENCE'],
      [3, 'Questions for the committee'],
      [3, "Implementation of NATO's new defence plans"],
    ]);
  });

  it('exports a brief with no notes as its front matter and title only', () => {
    const markdown = exportNato([]);
    expect(splitFrontMatter(markdown).body).toBe(`\n# ${TITLE}\n`);
  });

  it('keeps bold, italic, lists, links, quotes and tasks as Markdown', () => {
    const markdown = exportNato();
    const html = markdownIt.render(splitFrontMatter(markdown).body);
    expect(html).toContain('<strong>follow up</strong>');
    expect(html).toContain('<em>force model</em>');
    expect(html).toContain(
      '<a href="https://www.nato.int/cps/en/natohq/topics_49755.htm">NATO defence plans</a>',
    );
    expect(html).toMatch(/<li>follow up|<li><strong>follow up<\/strong>/);
    expect(html).toMatch(/<ul>\s*<li>before the Washington Summit<\/li>\s*<\/ul>/);
    expect(html).toContain('<blockquote>\n<p>Today we have 500,000 troops');
    expect(markdown).toContain(
      '- [x] read the Pledge\n- [ ] compare with the 2023 Vilnius figures',
    );
  });

  it('drops a javascript: link but keeps its text', () => {
    const markdown = exportNato();
    expect(markdown).not.toMatch(/javascript/i);
    const html = markdownIt.render(splitFrontMatter(markdown).body);
    expect(html).toContain('See click me.');
    expect(html).not.toContain('<a href="javascript');
  });

  it('ends with one newline, separates blocks by one blank line and has no trailing spaces', () => {
    const markdown = exportNato();
    expect(markdown.endsWith('\n')).toBe(true);
    expect(markdown.endsWith('\n\n')).toBe(false);
    expect(markdown).not.toMatch(/[ \t]+$/m);
    expect(markdown).not.toMatch(/\n\n\n/);
    const lines = markdown.split('\n');
    lines.forEach((line, index) => {
      if (/^#{1,6} /.test(line)) {
        expect(lines[index - 1], `line before ${line}`).toBe('');
        expect(lines[index + 1], `line after ${line}`).toBe('');
      }
    });
  });

  it('writes the same file for the same brief, notes and time', () => {
    expect(exportNato()).toBe(exportNato());
  });

  it('keeps text in a note that looks like Markdown syntax as text', () => {
    const literal = [
      '# not a heading',
      '1. not a numbered list',
      '- not a bullet',
      '+ not a bullet either',
      '---',
      '> not a quote',
      '<script>alert(1)</script> & *stars* _under_ [brackets](#) `ticks` ~tildes~',
    ];
    const markdown = exportNato([
      note('ii', doc(...literal.map((line) => paragraph(text(line))))),
      note('iii', doc(paragraph(text(literal.join('\n'))))),
    ]);
    const tokens = markdownIt.parse(splitFrontMatter(markdown).body, {});
    const blockTypes = new Set(tokens.map((token) => token.type));
    for (const type of [
      'bullet_list_open',
      'ordered_list_open',
      'hr',
      'blockquote_open',
      'html_block',
    ]) {
      expect(blockTypes.has(type), type).toBe(false);
    }
    const paragraphs = tokens.flatMap((token, index) =>
      token.type === 'paragraph_open' ? [inlineText(tokens[index + 1])] : [],
    );
    expect(paragraphs).toEqual([...literal, literal.join('\n')]);
    expect(headingsOf(markdown).map(([, heading]) => heading)).toEqual([
      TITLE,
      'II. ALLIED DETERRENCE AND DEFENCE',
      "III. RESPONSE TO RUSSIA'S HOSTILE ACTIONS TOWARD ALLIES",
    ]);
  });

  it('keeps two lists that follow each other in a note as two lists', () => {
    const ordered = (start: number, ...labels: string[]): NoteDoc => ({
      type: 'orderedList',
      attrs: { start, type: null },
      content: labels.map((label) => ({ type: 'listItem', content: [paragraph(text(label))] })),
    });
    const markdown = exportNato([
      note(
        'ii',
        doc(
          bulletList([paragraph(text('a point'))]),
          taskList([false, 'a task']),
          ordered(1, 'first', 'second'),
          ordered(7, 'seventh'),
          // A lettered list from a paste: CommonMark has no `a.` marker, so it stays numbered.
          { ...ordered(1, 'alpha', 'beta'), attrs: { start: 1, type: 'a' } },
        ),
      ),
    ]);
    const tokens = markdownIt.parse(splitFrontMatter(markdown).body, {});
    const lists = tokens.filter(
      (t) => t.type === 'bullet_list_open' || t.type === 'ordered_list_open',
    );
    expect(lists.map((list) => [list.type, list.attrGet('start')])).toEqual([
      ['bullet_list_open', null],
      ['bullet_list_open', null],
      ['ordered_list_open', null],
      ['ordered_list_open', 7],
      ['ordered_list_open', null],
    ]);
    // The separator is an HTML comment: invisible wherever HTML is allowed (Obsidian, GitHub).
    const html = new MarkdownIt({ html: true }).render(splitFrontMatter(markdown).body);
    expect(html).toMatch(/<\/ul>\n<!-- -->\n<ul>/);
    expect(html).not.toMatch(/<p>\s*<\/p>/);
  });

  it('writes line breaks in a note as backslash breaks, not trailing spaces', () => {
    const markdown = exportNato([
      note('ii', doc(paragraph(text('first line  '), { type: 'hardBreak' }, text('second line')))),
    ]);
    expect(markdown).toContain('first line\\\nsecond line');
    const tokens = markdownIt.parse(splitFrontMatter(markdown).body, {});
    const inline = tokens.find(
      (token) => token.type === 'inline' && token.content.includes('second'),
    );
    expect(inline?.children?.map((child) => child.type)).toContain('hardbreak');
  });

  it('keeps a code block whole when the code contains a Markdown fence', () => {
    const code = 'Export sample:\n```\n# Title\n```';
    const markdown = exportNato([
      note(
        'ii',
        doc({ type: 'codeBlock', attrs: { language: 'markdown' }, content: [text(code)] }),
      ),
    ]);
    const fences = markdownIt
      .parse(splitFrontMatter(markdown).body, {})
      .filter((t) => t.type === 'fence');
    expect(fences.map((fence) => [fence.info, fence.content])).toEqual([['markdown', `${code}\n`]]);
  });

  it('keeps the wording of headings that contain Markdown characters', () => {
    const headings = [
      'Article 5 ##',
      '#1 priority: the *eastern* flank_s [sic]',
      'C# and F# <b>tags</b> &amp; `code` \\ backslash',
      '###',
    ];
    const sections = headings.map((heading, index) =>
      section(`s${index}`, 1, heading, `${index + 1}`),
    );
    const markdown = exportNato(
      sections.map((s) => note(s.id, doc(paragraph(text('noted'))))),
      natoBrief({ sections, title: 'Title with\na line break ##' }),
    );
    expect(headingsOf(markdown)).toEqual([
      [1, 'Title with a line break ##'],
      ...headings.map((heading): [number, string] => [2, heading]),
    ]);
  });

  it('caps deep sections at ###### and turns a note heading below that into bold text', () => {
    const sections = [1, 2, 3, 4, 5, 6].map((level) =>
      section(
        `d${level}`,
        level,
        `Depth ${level}`,
        `${level}`,
        level === 1 ? null : `d${level - 1}`,
      ),
    );
    const markdown = exportNato(
      [note('d6', doc(heading(2, text('My heading')), paragraph(text('deep note'))))],
      natoBrief({ sections }),
    );
    expect(headingsOf(markdown).map(([level]) => level)).toEqual([1, 2, 3, 4, 5, 6, 6]);
    expect(markdown).toContain('###### Depth 6\n\n**My heading**\n\ndeep note\n');
  });

  it('nests a note’s headings right below its section, keeping their relative levels', () => {
    const sections = [section('top', 1, 'Part one', '1', null)];
    // The toolbar's heading is level 3; typed "# " and "## " give levels 1 and 2.
    const toolbarOnly = exportNato(
      [note('top', doc(heading(3, text('Asks')), heading(3, text('Risks'))))],
      natoBrief({ sections }),
    );
    expect(headingsOf(toolbarOnly).slice(1)).toEqual([
      [2, 'Part one'],
      [3, 'Asks'],
      [3, 'Risks'],
    ]);
    const nested = exportNato(
      [note('top', doc(heading(2, text('Asks')), heading(3, text('Of the ministry'))))],
      natoBrief({ sections }),
    );
    expect(headingsOf(nested).slice(1)).toEqual([
      [2, 'Part one'],
      [3, 'Asks'],
      [4, 'Of the ministry'],
    ]);
  });

  it('keeps a note whose section is no longer in the brief', () => {
    const markdown = exportNato([
      note('ii', doc(paragraph(text('on II')))),
      note('removed-section', doc(paragraph(text('written on an earlier edition')))),
    ]);
    expect(headingsOf(markdown).slice(-2)).toEqual([
      [2, 'Notes on sections no longer in this brief'],
      [3, 'removed-section'],
    ]);
    expect(markdown.endsWith('### removed-section\n\nwritten on an earlier edition\n')).toBe(true);
  });

  it('ignores notes that belong to another brief', () => {
    const markdown = exportNato([
      { ...note('ii', doc(paragraph(text('other brief')))), briefId: 'x' },
    ]);
    expect(markdown).not.toContain('other brief');
  });

  it('matches the reviewed export of the sample brief', async () => {
    await expect(exportNato()).toMatchFileSnapshot('./__golden__/export-nato-brief.md');
  });
});
