import MarkdownIt from 'markdown-it';
import footnotePlugin from 'markdown-it-footnote';
import type { Block, BriefDocument, BriefMeta } from '../../../shared/model';
import { applyTextDirection } from '../structure/applyTextDirection';
import { buildSections, type SectionDraft } from '../structure/buildSections';
import { draftSectionsFromEvents, trimRules } from '../structure/draftSectionsFromEvents';
import { detectLanguage } from '../structure/detectLanguage';
import { inlinePlainText } from '../structure/inlinePlainText';
import { introHeading } from '../structure/introHeading';
import { takeOpeningMetadata } from '../structure/takeOpeningMetadata';
import { placeFootnotes } from '../structure/placeFootnotes';
import { isAllCaps } from '../structure/titleCase';
import { convertMarkdownBlocks, type MarkdownEvent } from './convertMarkdownBlocks';
import { readFrontMatter } from './readFrontMatter';
import { titleFromFileName } from '../structure/titleFromFileName';

type HeadingEvent = Extract<MarkdownEvent, { kind: 'heading' }>;

// html: true lets markdown-it recognise HTML so the walker can drop it instead of showing tags.
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false }).use(
  footnotePlugin,
);

const NUMBERED = /^(?:(?:[MDCLXVI]+|[A-Z])[.)]|\d+(?:\.\d+)*[.)]?)\s/;

function cleanHeading(text: string): string {
  // Table-of-contents dot leaders and page numbers left by PDF conversion.
  return text
    .replace(/\s*(?:\.\s?){4,}\s*\d*\s*$/, '')
    .replace(/\s*…{2,}\s*\d*\s*$/, '')
    .trim();
}

/** Joins runs of capitals headings with nothing between them: one heading split over lines. */
function mergeSplitHeadings(events: MarkdownEvent[]): MarkdownEvent[] {
  const out: MarkdownEvent[] = [];
  for (const event of events) {
    const previous = out[out.length - 1];
    if (
      event.kind === 'heading' &&
      previous?.kind === 'heading' &&
      previous.depth === event.depth &&
      isAllCaps(previous.text) &&
      isAllCaps(event.text) &&
      !NUMBERED.test(event.text)
    ) {
      previous.text = `${previous.text} ${event.text}`;
    } else if (event.kind === 'heading') {
      out.push({ ...event });
    } else {
      out.push(event);
    }
  }
  return out;
}

function isBoldOnly(block: Block | undefined): block is Extract<Block, { type: 'paragraph' }> {
  return (
    block?.type === 'paragraph' &&
    block.content.every((i) => i.type === 'text' && i.marks?.some((m) => m.type === 'bold'))
  );
}

/**
 * Imports Markdown: YAML front matter as metadata; `#` headings as sections by level (a single
 * `#` heading is the title and `##` headings are top-level sections); tables, code, quotes,
 * lists; footnotes placed after the section that first cites them; raw HTML dropped.
 */
export function importMarkdown(source: string, fileName: string): BriefDocument {
  const { meta: front, body } = readFrontMatter(source);
  const { events: rawEvents, footnotes } = convertMarkdownBlocks(markdown.parse(body, {}));
  const events = mergeSplitHeadings(rawEvents)
    .map((e) => (e.kind === 'heading' ? { ...e, text: cleanHeading(e.text) } : e))
    .filter((e) => e.kind === 'block' || e.text !== '');
  const headings = events.filter((e): e is HeadingEvent => e.kind === 'heading');
  const topHeadings = headings.filter((h) => h.depth === 1);

  let titleHeading: HeadingEvent | null = null;
  if (topHeadings.length === 1) {
    const only = topHeadings[0] as HeadingEvent;
    if (!front.title || front.title.toLowerCase() === only.text.toLowerCase()) titleHeading = only;
  }
  let subtitleHeading: HeadingEvent | null = null;
  if (titleHeading && !front.subtitle) {
    const next = events[events.indexOf(titleHeading) + 1];
    const siblings = headings.filter((h) => h.depth === 2 && h !== next);
    const numbered = siblings.filter((h) => NUMBERED.test(h.text)).length;
    if (
      next?.kind === 'heading' &&
      next.depth === 2 &&
      !NUMBERED.test(next.text) &&
      numbered * 2 >= siblings.length &&
      numbered > 0
    ) {
      subtitleHeading = next;
    }
  }

  const meta: BriefMeta = {
    title:
      front.title ??
      titleHeading?.text ??
      topHeadings[0]?.text ??
      headings[0]?.text ??
      titleFromFileName(fileName),
    subtitle: front.subtitle ?? subtitleHeading?.text ?? null,
    organisation: front.organisation ?? null,
    reference: front.reference ?? null,
    date: front.date ?? null,
    documentType: front.documentType ?? null,
    language: front.language ?? detectLanguage(body),
    authors: front.authors ?? [],
    tags: front.tags ?? [],
  };

  const intro: SectionDraft = { heading: introHeading(meta.language), level: 1, blocks: [] };
  const drafts = draftSectionsFromEvents(
    intro,
    events.filter((event) => event !== titleHeading && event !== subtitleHeading),
  );

  intro.blocks = takeOpeningMetadata(intro.blocks, meta);
  for (const draft of drafts) draft.blocks = trimRules(draft.blocks);
  // A bold line opening the untitled part ("**Executive Summary**") names it.
  const opening = intro.blocks[0];
  if (isBoldOnly(opening) && intro.blocks.length > 1) {
    const text = inlinePlainText(opening.content).trim();
    if (text.length <= 80 && !/[.:;,]$/.test(text)) {
      intro.heading = text;
      intro.blocks.shift();
    }
  }
  if (intro.blocks.length === 0 && drafts.length > 1) drafts.shift();

  placeFootnotes(
    drafts,
    footnotes.map((block) => ({ block, homeIndex: drafts.length - 1 })),
  );
  for (const draft of drafts) applyTextDirection(draft.blocks);
  return { format: 'markdown', meta, sections: buildSections(drafts) };
}
