import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBriefFile } from '../../src/main/import/importBriefFile';
import type { Block, BriefDocument, Inline, Section } from '../../src/shared/model';
import {
  extractKeyPoints,
  type KeyPoint,
  type SectionKeyPoints,
} from '../../src/shared/reader/extractKeyPoints';
import { corpusDir } from './helpers/tempLibrary';

const SAMPLE = 'nato-pa-128-spe-24-e-defence-ministers-2024-06.txt';

const imported = new Map<string, Promise<BriefDocument>>();
/** A corpus brief, imported once for all the tests that read it. */
function corpusBrief(file: string): Promise<BriefDocument> {
  let brief = imported.get(file);
  if (!brief) {
    brief = importBriefFile(file, readFileSync(join(corpusDir, file)));
    imported.set(file, brief);
  }
  return brief;
}

const fromMarkdown = (markdown: string): Promise<BriefDocument> =>
  importBriefFile('brief.md', new TextEncoder().encode(markdown));

/** How the digest shows a point: the lead in bold, then the statement. */
const shown = (point: KeyPoint): string =>
  point.lead ? `**${point.lead}** ${point.text}` : point.text;

function sectionByHeading(brief: BriefDocument, heading: string): Section {
  const section = brief.sections.find((candidate) => candidate.heading === heading);
  if (!section) throw new Error(`no section "${heading}"`);
  return section;
}

function pointsOf(digest: SectionKeyPoints[], section: Section): KeyPoint[] {
  return digest.find((entry) => entry.sectionId === section.id)?.points ?? [];
}

/** A section and the sections below it, as the digest groups them under the section's label. */
function pointsUnder(brief: BriefDocument, digest: SectionKeyPoints[], heading: string): string[] {
  const top = sectionByHeading(brief, heading);
  const ids = new Set([top.id]);
  for (const section of brief.sections)
    if (section.parentId !== null && ids.has(section.parentId)) ids.add(section.id);
  return digest.filter((entry) => ids.has(entry.sectionId)).flatMap((e) => e.points.map(shown));
}

const inlineText = (content: readonly Inline[]): string =>
  content
    .map((inline) =>
      inline.type === 'text' ? inline.text : inline.type === 'lineBreak' ? ' ' : '',
    )
    .join('')
    .replace(/\s+/g, ' ');

/** The paragraph a point links to, found by its block index and item path, as the reader does. */
function paragraphAt(section: Section, point: KeyPoint): string {
  let block: Block | undefined = section.blocks[point.blockIndex];
  const path = [...point.itemPath];
  while (block?.type === 'list' && path.length > 0) {
    const item: Block[] = block.items[path.shift() as number]?.blocks ?? [];
    block = path.length > 0 ? item[path.shift() as number] : item[0];
  }
  if (block?.type !== 'paragraph') throw new Error(`point "${shown(point)}" is not at a paragraph`);
  // A sentence a page break split is read from its first paragraph on.
  const next = point.itemPath.length === 0 ? section.blocks[point.blockIndex + 1] : undefined;
  return [block, next]
    .map((paragraph) => (paragraph?.type === 'paragraph' ? inlineText(paragraph.content) : ''))
    .join(' ');
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('key points of the sample brief', () => {
  it('lists the bold statements of section I under its subsections', async () => {
    const brief = await corpusBrief(SAMPLE);
    const digest = extractKeyPoints(brief);
    expect(
      pointsUnder(brief, digest, 'I. PREDICTABLE AND COORDINATED SUPPORT FOR UKRAINE'),
    ).toEqual([
      'Defence ministers agreed for NATO to lead the coordination of security assistance and training for Ukraine.',
      '**The NATO Security Assistance and Training for Ukraine (NSATU)** effort will be launched at the NATO Summit in Washington, D.C. It will come under the NATO Command Structure and draw on NATO Common Funding.',
      "**A 3-Star General will lead a new NATO command** at an existing US facility in Wiesbaden, Germany, and logistical nodes in the Alliance's Eastern part.",
      '**Ministers discussed a long-term financial pledge for Ukraine,** aimed at sustaining military support levels for Ukraine (Allies currently provide more than 99% of the military aid to Ukraine).',
      "…the level of support provided by Allies since Russia's renewed invasion should be maintained, namely an annual support of EUR 40 billion per year for as long as it takes.",
      'Allies would contribute according to the balance of their respective GDPs.',
      '**NATO Secretary General Stoltenberg expressed his confidence** that the long-term financial pledge would be approved "[b]ecause a credible long-term commitment shows Moscow that they cannot wait us out."',
      'I expect that that language will be even clearer in our commitment that Ukraine will become a member of the alliance.',
      '**Ministers are also on the path to endorse the NATO-Ukraine Joint Analysis, Training and Education Centre (JATEC) in Bydgoszcz, Poland,** as the first joint institution between NATO and Ukraine.',
      '**Defence ministers endorsed** the first-ever NATO-Ukraine Innovation Cooperation Roadmap.',
    ]);
  });

  it('leaves out bold phrases that do not end a sentence', async () => {
    const brief = await corpusBrief(SAMPLE);
    const all = extractKeyPoints(brief).flatMap((entry) => entry.points.map(shown));
    // "NATO will oversee the **training of Ukrainian forces …** of Ukraine's armed forces."
    expect(all.join('\n')).not.toContain('training of Ukrainian forces');
    expect(all.join('\n')).not.toContain('increasing transparency and accountability');
  });

  it('lists the decisions with what the ministers endorsed under them', async () => {
    const brief = await corpusBrief(SAMPLE);
    const points = pointsOf(extractKeyPoints(brief), sectionByHeading(brief, 'Decisions'));
    expect(points.map((point) => [point.kind, point.depth, point.text])).toEqual([
      ['listed', 0, 'Defence ministers endorsed:'],
      ['listed', 1, 'NATO Security Assistance and Training for Ukraine'],
      ['listed', 1, 'a NATO-Ukraine Innovation Cooperation Roadmap'],
      ['listed', 1, "further steps to continue to implement NATO's new defence plans"],
      ['listed', 1, 'response options against further hostile actions toward Allies by Russia'],
    ]);
    expect(points[1]?.itemPath).toEqual([0, 1, 0]);
  });

  it('skips the bold topic labels that only repeat the section headings', async () => {
    const brief = await corpusBrief(SAMPLE);
    const focus = sectionByHeading(brief, 'Focus of the Meetings');
    expect(pointsOf(extractKeyPoints(brief), focus)).toEqual([]);
  });

  it('finds the bold statements of sections II and III', async () => {
    const brief = await corpusBrief(SAMPLE);
    const digest = extractKeyPoints(brief);
    const sectionII = pointsUnder(brief, digest, 'II. ALLIED DETERRENCE AND DEFENCE');
    expect(sectionII[0]).toBe(
      'These show 23 Allies meeting the 2% target in 2024, up from three in 2014.',
    );
    expect(sectionII).toContain(
      'Today we have 500,000 troops at high readiness across all domains, significantly more than the goal that was set at the 2022 Madrid Summit.',
    );
    expect(sectionII).toContain(
      '…the current nuclear environment surrounding Allies is evolving quickly and poses new challenges to Allies.',
    );
    // "He cited **several examples:**" introduces the examples, not the bold sentence before it.
    expect(sectionII.join('\n')).not.toContain('Russia’s dangerous use');
    const sectionIII = pointsOf(
      digest,
      sectionByHeading(brief, "III. RESPONSE TO RUSSIA'S HOSTILE ACTIONS TOWARD ALLIES"),
    );
    expect(sectionIII.map((point) => [point.depth, shown(point)])).toEqual([
      [
        0,
        "**Russia's increasing number of hostile actions** against Allies were also on the meeting's agenda.",
      ],
      [0, '**Defence Ministers agreed** to a set of response options, including:'],
      [1, 'Increased intelligence exchanges;'],
      [1, 'Enhanced protection of critical infrastructure, including undersea and cyber; and,'],
      [1, 'Further restrictions on Russian intelligence operatives.'],
    ]);
  });
});

describe('key points of other corpus briefs', () => {
  it('reads the ALGA Word brief: its courses of action and its recommendations', async () => {
    const brief = await corpusBrief('alga-2025-financial-assistance-grants-policy-brief.docx');
    const digest = extractKeyPoints(brief);
    const courses = pointsOf(digest, sectionByHeading(brief, 'Possible courses of action'));
    expect(courses.map((point) => point.lead)).toEqual([
      'Increase the total quantum of grant:',
      'Retain the current minimum grant (30%):',
      'Reduce the minimum to 20% or 10%:',
      'Remove the minimum entirely:',
      'Reform the GPG formula:',
    ]);
    expect(courses[1]?.text).toBe('Maintains stability but may perpetuate inequities.');
    const recommendations = pointsOf(digest, sectionByHeading(brief, 'Recommendations'));
    expect(recommendations).toHaveLength(6);
    expect(recommendations.every((point) => point.kind === 'recommendation')).toBe(true);
    expect(recommendations[2]?.text).toBe(
      'Provide transitional support for councils facing significant reductions.',
    );
    // The executive summary's lists finish a sentence ("Such an approach should …"): not key points.
    expect(pointsOf(digest, sectionByHeading(brief, 'Executive Summary'))).toEqual([]);
  });

  it('reads the DIA Markdown brief: bold lead-ins, not its bold run-in headings', async () => {
    const brief = await corpusBrief('dia-2025-digital-infrastructure-alliance-brief.md');
    const digest = extractKeyPoints(brief);
    const funding = pointsOf(
      digest,
      sectionByHeading(brief, 'Current Funding Landscape: Fragmented and Insufficient'),
    );
    expect(funding.map((point) => point.lead)).toEqual([
      'Government Programs:',
      'Corporate Sponsorship:',
      'Individual Donations:',
    ]);
    expect(funding[2]?.text).toBe(
      'Platforms like GitHub Sponsors, Open Collective, and Patreon enable direct support for maintainers, but the model scales poorly.',
    );
    const all = digest.flatMap((entry) => entry.points.map(shown)).join('\n');
    expect(all).not.toContain('Burden Sharing Through Proportional Contribution');
    expect(all).not.toContain('Tier 1: Critical Infrastructure Maintenance');
    expect(all).not.toContain('Document Metadata');
  });

  it('reads the GAO web page: its recommendations, not its flood of bold table and page labels', async () => {
    const brief = await corpusBrief(
      'gao-07-791-reexamining-regulations-retrospective-reviews.html',
    );
    const points = extractKeyPoints(brief).flatMap((entry) => entry.points);
    expect(points.length).toBeLessThan(10);
    expect(points.every((point) => point.kind === 'recommendation')).toBe(true);
    expect(points[0]?.text).toMatch(
      /^GAO recommends that agencies incorporate various elements into their policies and procedures/,
    );
    const all = points.map(shown).join('\n');
    expect(all).not.toMatch(/Appendix|Figure|Table \d/);
  });

  it('reads the GAO PDF: the recommendations for executive action, each step under its recommendation', async () => {
    const brief = await corpusBrief('gao-07-791-reexamining-regulations-retrospective-reviews.pdf');
    const points = pointsOf(
      extractKeyPoints(brief),
      sectionByHeading(brief, 'Recommendations for Executive Action'),
    );
    expect(points.map((point) => [point.kind, point.depth, point.text.slice(0, 48)])).toEqual([
      ['recommendation', 0, 'Specifically, we recommend that they develop gui'],
      ['recommendation', 1, 'Consideration, during the promulgation of certai'],
      ['recommendation', 1, 'Prioritization of review activities based upon d'],
      ['recommendation', 1, 'Specific review factors to be applied to the con'],
      ['recommendation', 1, 'Minimum standards for documenting and reporting '],
      ['recommendation', 1, 'Mechanisms to assess their current means of comm'],
      ['recommendation', 1, 'Steps to promote sustained management attention '],
      ['recommendation', 0, 'We further recommend that, in light of overlappi'],
      ['recommendation', 1, 'Work with regulatory agencies to identify opport'],
    ]);
  }, 60_000);

  it('reads the World Bank Tunisia PDF: its bold lead sentences, not page fragments or figure labels', async () => {
    const brief = await corpusBrief('worldbank-tunisia-systematic-country-diagnostic-2015.pdf');
    const digest = extractKeyPoints(brief);
    const context = pointsOf(digest, sectionByHeading(brief, 'Context'));
    expect(context.map(shown)).toContain(
      'The very same policies, however, failed to generate inclusive growth in its most comprehensive sense.',
    );
    // A bold sentence opening a paragraph is the statement, without the paragraph's elaboration.
    expect(context.map(shown)).toContain(
      'Wide regional disparities have persisted and even increased during the past decade.',
    );
    expect(pointsOf(digest, sectionByHeading(brief, 'Conclusions')).map(shown)).toEqual([
      'The next five years represent an unprecedented window of opportunity, as Tunisia stands at a crossroads to close its disparities and capitalize on its assets and potentials, by implementing sustained reforms.',
    ]);
    const points = digest.flatMap((entry) => entry.points);
    // Bold that a page break cut off ("**tion.** Tunisia …") or that labels a figure is no statement.
    expect(points.filter((point) => /^[^\p{L}…]*\p{Ll}/u.test(point.lead ?? point.text))).toEqual(
      [],
    );
    expect(points.filter((point) => /^(Figure|Table|Box|Source)/.test(shown(point)))).toEqual([]);
    // The cover and the acknowledgements have nothing to say.
    expect(pointsOf(digest, sectionByHeading(brief, 'Cover'))).toEqual([]);
  }, 60_000);

  it('reads the French and Russian World Bank PDFs, joining a bold sentence a page split', async () => {
    const chad = await corpusBrief('worldbank-tchad-diagnostic-systematique-pays-2015-french.pdf');
    const chadPoints = extractKeyPoints(chad).flatMap((entry) => entry.points.map(shown));
    expect(chadPoints).toContain('Le Tchad est un pays fragile.');

    const uzbekistan = await corpusBrief('worldbank-uzbekistan-scd-2016-russian.pdf');
    const summary = pointsOf(
      extractKeyPoints(uzbekistan),
      sectionByHeading(uzbekistan, 'Краткое резюме'),
    );
    expect(summary.map(shown)).toContain(
      'Поддержание устойчивости экономического роста и максимизация его воздействия на создание рабочих мест потребует корректировок стратегии развития экономики Узбекистана, базирующейся на ведущей роли государства.',
    );
  }, 60_000);

  it('drops bold field names a CRS appendix repeats for every programme', async () => {
    const brief = await corpusBrief(
      'crs-report-r46991-v32-economic-development-administration.pdf',
    );
    const all = extractKeyPoints(brief)
      .flatMap((entry) => entry.points.map(shown))
      .join('\n');
    expect(all).not.toContain('Level of matching funds requirement');
    expect(all).not.toContain('Requirement to align with CEDS');
    // Bold programme names at the end of a sentence are names, not statements.
    expect(all).not.toContain('The Tech Hubs program.');
  }, 60_000);

  it.each([
    SAMPLE,
    'alga-2025-financial-assistance-grants-policy-brief.docx',
    'dia-2025-digital-infrastructure-alliance-brief.md',
    'worldbank-tunisia-systematic-country-diagnostic-2015.pdf',
    'worldbank-uzbekistan-scd-2016-russian.pdf',
  ])(
    'links every point of %s to the paragraph that says it',
    async (file) => {
      const brief = await corpusBrief(file);
      const digest = extractKeyPoints(brief);
      expect(digest.length).toBeGreaterThan(0);
      for (const { sectionId, points } of digest) {
        const section = brief.sections.find((candidate) => candidate.id === sectionId) as Section;
        for (const point of points) {
          // The statement starts at a word of its paragraph, never inside one.
          const opening = (point.lead ?? point.text).replace(/^…/, '').slice(0, 40);
          expect(paragraphAt(section, point)).toMatch(
            new RegExp(`(?:^|[\\s"“‘'(\\[])${escapeRegExp(opening)}`),
          );
        }
      }
    },
    60_000,
  );
});

describe('key points named by the brief', () => {
  it('takes the items of a "Key takeaways" list, and numbered recommendations', async () => {
    const brief = await fromMarkdown(
      [
        '# Key takeaways',
        '',
        'The ministers met twice.',
        '',
        '- Funding rises by a third in 2026',
        '- The secretariat moves to Geneva',
        '',
        '# Background',
        '',
        'Some history.',
        '',
        '- A list that is only part of the story',
        '',
        '# Next steps',
        '',
        'Recommendation 1: The council should publish its minutes within a week.',
        '',
        '1. We recommend that members share their audits.',
      ].join('\n'),
    );
    const digest = extractKeyPoints(brief);
    expect(pointsOf(digest, sectionByHeading(brief, 'Key takeaways')).map(shown)).toEqual([
      'Funding rises by a third in 2026',
      'The secretariat moves to Geneva',
    ]);
    expect(pointsOf(digest, sectionByHeading(brief, 'Background'))).toEqual([]);
    const steps = pointsOf(digest, sectionByHeading(brief, 'Next steps'));
    expect(steps.map((point) => [point.kind, shown(point)])).toEqual([
      [
        'recommendation',
        '**Recommendation 1:** The council should publish its minutes within a week.',
      ],
      ['recommendation', 'We recommend that members share their audits.'],
    ]);
  });

  it('understands the cue headings of French, German, Russian and Spanish briefs', async () => {
    const brief = await fromMarkdown(
      [
        '## Principales conclusions',
        '',
        '- Le déficit se réduit.',
        '',
        '## Handlungsempfehlungen',
        '',
        '- Die Mittel verdoppeln.',
        '',
        '## Краткие выводы',
        '',
        '- Рост замедлился.',
        '',
        '## Recomendaciones',
        '',
        '- Ampliar la cobertura.',
      ].join('\n'),
    );
    expect(
      extractKeyPoints(brief).map(({ points }) => points.map((p) => [p.kind, p.text])),
    ).toEqual([
      [['listed', 'Le déficit se réduit.']],
      [['recommendation', 'Die Mittel verdoppeln.']],
      [['listed', 'Рост замедлился.']],
      [['recommendation', 'Ampliar la cobertura.']],
    ]);
  });

  it('shows one statement once, and a paragraph number is not part of its lead', async () => {
    const brief = await fromMarkdown(
      [
        '# Findings',
        '',
        '12\\. **Growth slowed sharply.** Output fell in every region.',
        '',
        '**Growth slowed sharply.** Output fell in every region.',
      ].join('\n'),
    );
    const points = extractKeyPoints(brief).flatMap((entry) => entry.points);
    expect(points.map(shown)).toEqual(['**Growth slowed sharply.** Output fell in every region.']);
  });
});
