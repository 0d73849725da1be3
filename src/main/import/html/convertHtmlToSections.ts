import type { Block, BriefDocument, BriefMeta, Section } from '../../../shared/model';
import { ImportError } from '../ImportError';
import { sectionPlainText } from '../sectionPlainText';
import { applyTextDirection } from '../structure/applyTextDirection';
import { buildSections, type SectionDraft } from '../structure/buildSections';
import { draftSectionsFromEvents, trimRules } from '../structure/draftSectionsFromEvents';
import { detectLanguage } from '../structure/detectLanguage';
import { introHeading } from '../structure/introHeading';
import { takeOpeningMetadata } from '../structure/takeOpeningMetadata';
import { placeFootnotes } from '../structure/placeFootnotes';
import { collectFootnotes } from './collectFootnotes';
import { convertHtmlBlocks, type HtmlEvent } from './convertHtmlBlocks';
import { createHtmlConversion, type DroppedCounts } from './HtmlConversion';
import type { HtmlDocument, HtmlElement } from './parseHtmlDocument';
import { readCoverLines } from './readCoverLines';
import type { StatedMeta } from './StatedMeta';
import { titleFromFileName } from '../structure/titleFromFileName';

/** A parsed page (or a Word file converted to HTML) and what to read from it. */
export interface HtmlSource {
  document: HtmlDocument;
  /** The content to convert, in reading order (the main region of a page, or the body). */
  roots: readonly HtmlElement[];
  fileName: string;
  format: 'html' | 'docx';
  stated: StatedMeta;
  /** Read short lines next to the title heading as metadata (report number, date, publisher). */
  readCover: boolean;
}

type HeadingEvent = Extract<HtmlEvent, { kind: 'heading' }>;

function normalised(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function headingText(element: HtmlElement): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function plainText(blocks: Block[]): string {
  const section: Section = { id: '', level: 1, heading: '', path: '', parentId: null, blocks };
  return sectionPlainText(section);
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many.replace('#', String(n));
}

function droppedWarnings(dropped: DroppedCounts): string[] {
  const warnings: string[] = [];
  if (dropped.images > 0) {
    warnings.push(
      plural(dropped.images, '1 image was not imported', '# images were not imported') +
        ' (Briefmark keeps the text only).',
    );
  }
  if (dropped.embeds > 0) {
    warnings.push(
      plural(dropped.embeds, '1 embedded item', '# embedded items') +
        ' (frames, objects, media or forms) could not be carried over and were dropped.',
    );
  }
  if (dropped.graphics > 0) {
    warnings.push(
      plural(dropped.graphics, '1 drawing or formula', '# drawings or formulas') +
        ' (SVG, MathML or canvas) could not be carried over and were dropped.',
    );
  }
  if (dropped.nestedTables > 0) {
    warnings.push(
      plural(dropped.nestedTables, '1 table inside a table was', '# tables inside tables were') +
        ' flattened into the text of their cell.',
    );
  }
  return warnings;
}

/**
 * Converts parsed HTML to a brief: headings h1-h6 become sections by level (a page's single
 * h1 is the title), blocks and inline marks are mapped to the model, footnote references are
 * linked to their notes, metadata comes from what the container states, the title block and the
 * opening lines. Throws ImportError('import_failed') when there is no readable text.
 */
export function convertHtmlToSections(source: HtmlSource): BriefDocument {
  const { document, roots, stated } = source;
  const context = createHtmlConversion(document);
  const footnotes = collectFootnotes(roots, context);

  // The page's single h1 names the brief unless the page states a different title.
  const h1s = Array.from(document.querySelectorAll('h1')).filter((h) => headingText(h) !== '');
  const only = h1s.length === 1 ? (h1s[0] ?? null) : null;
  const titleHeading =
    only && (!stated.title || normalised(stated.title) === normalised(headingText(only)))
      ? only
      : null;
  const cover = titleHeading && source.readCover ? readCoverLines(titleHeading) : null;
  if (titleHeading) context.skipped.add(titleHeading);
  for (const line of cover?.consumed ?? []) context.skipped.add(line);

  const events = convertHtmlBlocks(roots, context);
  const headings = events.filter((e): e is HeadingEvent => e.kind === 'heading');
  const blocks = events.flatMap((e) => (e.kind === 'block' ? [e.block] : []));
  const allText = `${headings.map((h) => h.text).join('\n')}\n${plainText(blocks)}`;
  if (allText.trim() === '' && footnotes.length === 0) {
    throw new ImportError('import_failed', `“${source.fileName}” has no readable text to import.`);
  }

  const found = cover?.fields ?? {};
  const meta: BriefMeta = {
    title:
      stated.title ??
      (titleHeading ? headingText(titleHeading) : undefined) ??
      stated.pageTitle ??
      headings[0]?.text ??
      titleFromFileName(source.fileName),
    subtitle: stated.subtitle ?? null,
    organisation: stated.organisation ?? found.organisation ?? null,
    reference: stated.reference ?? found.reference ?? null,
    date: stated.date ?? found.date ?? null,
    documentType: stated.documentType ?? found.documentType ?? null,
    language: stated.language ?? found.language ?? detectLanguage(allText),
    authors: stated.authors ?? found.authors ?? [],
    tags: stated.tags ?? [],
  };

  const intro: SectionDraft = { heading: introHeading(meta.language), level: 1, blocks: [] };
  const drafts = draftSectionsFromEvents(intro, events);

  intro.blocks = takeOpeningMetadata(intro.blocks, meta);
  for (const draft of drafts) draft.blocks = trimRules(draft.blocks);
  if (intro.blocks.length === 0 && drafts.length > 1) drafts.shift();

  placeFootnotes(
    drafts,
    footnotes.map((block) => ({ block, homeIndex: drafts.length - 1 })),
  );
  for (const draft of drafts) applyTextDirection(draft.blocks);
  const warnings = droppedWarnings(context.dropped);
  const brief: BriefDocument = {
    format: source.format,
    meta,
    sections: buildSections(drafts),
  };
  if (warnings.length > 0) brief.warnings = warnings;
  return brief;
}
