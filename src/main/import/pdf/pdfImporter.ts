import type { Block, BriefDocument } from '../../../shared/model';
import type { BriefImporter } from '../BriefImporter';
import { ImportError } from '../ImportError';
import { applyTextDirection } from '../structure/applyTextDirection';
import { buildSections, type SectionDraft } from '../structure/buildSections';
import { detectLanguage } from '../structure/detectLanguage';
import { inlinePlainText } from '../structure/inlinePlainText';
import { introHeading } from '../structure/introHeading';
import { placeFootnotes, type FootnoteBlock } from '../structure/placeFootnotes';
import { parseDate } from '../structure/parseDate';
import { sectionSlug } from '../structure/sectionSlug';
import { collectAcronyms, titleCaseAllCaps } from '../structure/titleCase';
import { groupBlocks, type PdfBlock } from './groupBlocks';
import { HyphenJoiner } from './HyphenJoiner';
import { linesToInlines, type FootnoteLookup } from './linesToInlines';
import { openPdf } from './openPdf';
import { orderColumns } from './orderColumns';
import { matchKey, outlineTitles, type OutlineEntry } from './outlineTitles';
import type { PdfLine, PdfPage } from './PdfLine';
import { readPdfMeta, type PdfInfo } from './readPdfMeta';
import { readPdfPages } from './readPdfPages';
import { removeRunningLines } from './removeRunningLines';
import { splitFootnotes, type PdfFootnote } from './splitFootnotes';
import { tableFromRows } from './tableFromRows';
import { tocOutline, tocPages } from './tableOfContents';
import { titleFromFileName } from '../structure/titleFromFileName';

const CAPTION =
  /^(?:figure|fig\.|table|box|chart|map|graphique|tableau|encadré|carte|рисунок|таблица|вставка|диаграмма|график|แผนภาพ|ตาราง)\s*[\dA-Z.:-]/iu;
const FIGURE = /^(?:figure|fig\.|chart|map|graphique|carte|рисунок|диаграмма|график|แผนภาพ)\b/iu;

/** The most common font size, weighted by characters: the body text size. */
function bodySizeOf(pages: readonly PdfPage[]): number {
  const weights = new Map<number, number>();
  for (const page of pages)
    for (const line of page.lines)
      weights.set(line.size, (weights.get(line.size) ?? 0) + line.text.length);
  let best = 10;
  let bestWeight = -1;
  for (const [size, weight] of weights)
    if (weight > bestWeight) [best, bestWeight] = [size, weight];
  return best;
}

const textOf = (lines: readonly PdfLine[]): string =>
  lines
    .map((l) => l.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();

/** A line's text without a footnote marker raised at its end ("Disaster Recovery Role⁴⁴"). */
function withoutTrailingMarker(line: PdfLine): string {
  const last = line.runs.at(-1);
  if (!last?.superscript || !/^\s*[\d*†‡]+\s*$/.test(last.text)) return line.text;
  const marker = last.text.trim();
  return line.text.trimEnd().endsWith(marker)
    ? line.text.trimEnd().slice(0, -marker.length)
    : line.text;
}

/** Heading text: a heading's footnote marker is not part of its title. */
const headingTextOf = (lines: readonly PdfLine[]): string =>
  textOf(lines.map((line) => ({ ...line, text: withoutTrailingMarker(line) })));

/** A heading's style key ("14|b"), or null when the block does not look like a heading. */
function headingStyle(block: PdfBlock, bodySize: number): string | null {
  if (block.kind !== 'text' || block.marker || block.lines.length > 3) return null;
  const text = textOf(block.lines);
  if (text.length > 200 || !/\p{L}{2}/u.test(text) || /^\p{Ll}/u.test(text) || CAPTION.test(text))
    return null;
  const first = block.lines[0] as PdfLine;
  const bold = block.lines.every((l) => l.bold);
  const size = Math.round(first.size * 2) / 2;
  if (first.size >= bodySize * 1.15 && !/[,;]$/.test(text)) return `${size}|${bold ? 'b' : ''}`;
  if (bold && first.size >= bodySize * 0.95 && text.length <= 150 && !/[.,:;]$/.test(text))
    return `${size}|b`;
  return null;
}

/** Heading levels by style: bigger first, bold before regular at the same size; at most 3. */
function levelsByStyle(styles: Iterable<string>): Map<string, number> {
  const ranked = [...new Set(styles)].sort((a, b) => {
    const [sa = '0', ba = ''] = a.split('|');
    const [sb = '0', bb = ''] = b.split('|');
    return Number(sb) - Number(sa) || bb.length - ba.length;
  });
  return new Map(ranked.map((key, i) => [key, Math.min(i + 1, 3)]));
}

/** Finds the bookmark a block's text starts with, looking a few entries ahead of the last match. */
function matchOutline(text: string, outline: readonly OutlineEntry[], from: number): number {
  const key = matchKey(text);
  if (key.length < 4) return -1;
  for (let i = from; i < Math.min(outline.length, from + 8); i++) {
    const entry = outline[i] as OutlineEntry;
    if (entry.exact) {
      // A chapter's number may stand apart from its title on the page ("1." over "CONTEXT").
      if (entry.key === key || entry.key.replace(/^\d{1,2}/, '') === key) return i;
      continue;
    }
    const short = Math.min(entry.key.length, key.length);
    if (
      short >= 4 &&
      (key.startsWith(entry.key) || (entry.key.startsWith(key) && key.length >= 12))
    )
      return i;
  }
  return -1;
}

/**
 * Text set in small capitals often comes out with its case scrambled ("MiDDle eaST anD
 * norTh afriCa"): two or more words with a capital after a small letter are read as capitals
 * and title-cased.
 */
function repairCase(text: string, acronyms: ReadonlySet<string>): string {
  if (!/\p{Ll}\p{Lu}/u.test(text)) return text;
  const scrambled = text
    .split(/\s+/)
    .filter((w) => /\p{Ll}\p{Lu}/u.test(w) && !/^(?:Mc|Mac|i|e)\p{Lu}/u.test(w));
  if (scrambled.length < 2) return text;
  return titleCaseAllCaps(text.toUpperCase(), caseAcronyms(acronyms));
}

const FUNCTION_WORDS = /^(?:A|AN|AND|AS|AT|BY|FOR|IN|OF|ON|OR|THE|TO)$/;

/** Acronyms without short function words a document happens to set in capitals ("AND"). */
function caseAcronyms(acronyms: ReadonlySet<string>): Set<string> {
  return new Set([...acronyms].filter((a) => !FUNCTION_WORDS.test(a)));
}

const SUMMARY_HEADING =
  /^(?:summary|highlights|abstract|executive summary|key points|résumé|synthèse|резюме|аннотация|zusammenfassung)$/iu;
const COVER_HEADINGS: Record<string, string> = {
  en: 'Cover',
  fr: 'Couverture',
  de: 'Titelseite',
  ru: 'Обложка',
};

/**
 * Names the text before the first section after its own "SUMMARY" or "Highlights" heading
 * when it has one; when its default name repeats a real section's ("Introduction"), it is the
 * cover's text and is named so.
 */
function nameIntro(
  intro: SectionDraft,
  drafts: readonly SectionDraft[],
  language: string | null,
): void {
  const at = intro.blocks
    .slice(0, 12)
    .findIndex(
      (b) => b.type === 'heading' && SUMMARY_HEADING.test(inlinePlainText(b.content).trim()),
    );
  const found = intro.blocks[at];
  if (found?.type === 'heading') {
    intro.heading = capitalize(inlinePlainText(found.content).trim().toLowerCase());
    intro.blocks.splice(at, 1);
    return;
  }
  const cover = COVER_HEADINGS[language ?? 'en'];
  if (cover && drafts.some((d) => d !== intro && matchKey(d.heading) === matchKey(intro.heading)))
    intro.heading = cover;
}

// A wrapped title drawn twice: "Scope andMethodology Methodology" (its last line repeated).
const DOUBLED_TAIL = /^(.*\p{Ll})(\p{Lu}.{3,}) \2$/u;

// "32. " or "2.20. ": a numbered paragraph, as World Bank and UN reports number them.
const NUMBERED_PARAGRAPH = /^\d{1,3}(?:\.\d{1,2})*\.\s/;

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const DATE_PREFIX = /^(?:updated|revised|published|issued|mis à jour|обновлено)\s+/iu;

/** A large block in the first pages whose text is (part of) the title. */
function isTitleBlock(block: PdfBlock, titleKey: string, bodySize: number): boolean {
  if (block.kind !== 'text' || (block.lines[0]?.page ?? 99) > 3 || titleKey.length < 8)
    return false;
  const key = matchKey(textOf(block.lines));
  return key.length >= 8 && titleKey.includes(key) && (block.lines[0]?.size ?? 0) > bodySize * 1.1;
}

function makeFootnotes(footnotes: PdfFootnote[]): {
  lookup: FootnoteLookup;
  ids: string[];
} {
  const used = new Set<string>();
  const byPage = new Map<string, string>();
  const byLabel = new Map<string, string[]>();
  const ids = footnotes.map((note) => {
    const base = `fn-${sectionSlug(note.label)}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    byPage.set(`${note.page}:${note.label}`, id);
    byLabel.set(note.label, [...(byLabel.get(note.label) ?? []), id]);
    return id;
  });
  const lookup: FootnoteLookup = (label, page) =>
    byPage.get(`${page}:${label}`) ??
    byPage.get(`${page + 1}:${label}`) ??
    (byLabel.get(label)?.length === 1 ? (byLabel.get(label)?.[0] ?? null) : null);
  return { lookup, ids };
}

function toDocument(
  pages: PdfPage[],
  info: PdfInfo,
  bookmarks: OutlineEntry[],
  fileName: string,
): BriefDocument {
  const meta = readPdfMeta(
    info,
    pages.slice(0, 2).map((p) => p.lines),
  );
  // Read before page numbers in the margins are dropped: a contents entry ends in one.
  const printedOutline = tocOutline(pages.flatMap((p) => p.lines));
  // The printed contents keep the case that small capitals lose in a heading's own text.
  const printedTitles = new Map(printedOutline.map((e) => [e.key, e.title]));
  removeRunningLines(pages);
  const bodySize = bodySizeOf(pages);
  // The contents pages' entries are read before footnotes are split: "3. Growth ..... 26" at a
  // page foot is an entry, not a footnote.
  const contentsPages = tocPages(pages.flatMap((p) => p.lines));
  const footnotes = splitFootnotes(
    pages.filter((p) => !contentsPages.has(p.page)),
    bodySize,
  );
  const joiner = new HyphenJoiner();
  for (const page of pages) for (const line of page.lines) joiner.addLine(line.text);
  for (const note of footnotes) for (const line of note.lines) joiner.addLine(line.text);
  const { lookup, ids } = makeFootnotes(footnotes);
  const inlines = (lines: PdfLine[], emphasis = true) =>
    linesToInlines(lines, joiner, lookup, emphasis);

  const allLines = pages.flatMap((p) => p.lines);
  // Without bookmarks, the printed table of contents says which blocks are sections.
  const outline = bookmarks.length > 0 ? bookmarks : printedOutline;
  const acronyms = collectAcronyms(allLines.slice(0, 4000).map((l) => l.text));
  const language = detectLanguage(
    allLines
      .slice(0, 3000)
      .map((l) => l.text)
      .join('\n'),
  );
  const blocks = groupBlocks(allLines, bodySize);
  const styles = blocks.map((b) => headingStyle(b, bodySize));
  const rightEdge = new Map<number, number>();
  for (const line of allLines)
    if (Math.abs(line.size - bodySize) < 0.6)
      rightEdge.set(line.page, Math.max(rightEdge.get(line.page) ?? 0, line.right));
  // Bold lead-ins to join with the paragraph they start.
  const leadIns = new Set<number>();
  const titleKey = matchKey(meta.title ?? '');
  // Cover lines above the title (a series name, a logo's letters) and bare dates are not headings.
  const titleIndex = blocks.findIndex((b) => isTitleBlock(b, titleKey, bodySize));
  styles.forEach((style, i) => {
    const block = blocks[i] as PdfBlock;
    if (!style || block.kind !== 'text') return;
    if (
      (i < titleIndex && block.lines[0]?.page === 1) ||
      parseDate(textOf(block.lines).replace(DATE_PREFIX, '')) !== null
    )
      styles[i] = null;
    // A bold lead-in whose sentence runs on into the next block is a numbered paragraph's start:
    // the next block starts in lowercase, or the lead-in fills its last line to the margin.
    const next = blocks[i + 1];
    const first = block.lines[0] as PdfLine;
    const last = block.lines[block.lines.length - 1] as PdfLine;
    const text = textOf(block.lines);
    const runsOn =
      last.right >= (rightEdge.get(last.page) ?? Infinity) - bodySize * 2 &&
      (NUMBERED_PARAGRAPH.test(text) || /[\p{Ll},]$/u.test(text));
    if (
      next?.kind === 'text' &&
      !next.marker &&
      !styles[i + 1] &&
      !CAPTION.test(textOf(next.lines)) &&
      first.size < bodySize * 1.15 &&
      (/^\p{Ll}/u.test(textOf(next.lines)) || runsOn)
    ) {
      styles[i] = null;
      leadIns.add(i);
    }
  });
  const isTitle = (block: PdfBlock): boolean => isTitleBlock(block, titleKey, bodySize);

  // Bookmarks, when the PDF has them, say which candidates are sections and at what level.
  const outlineLevel = new Map<number, number>();
  const outlineEntry = new Map<number, OutlineEntry>();
  let pointer = 0;
  blocks.forEach((block, index) => {
    if (outline.length === 0 || block.kind !== 'text' || block.lines.length > 6 || block.marker)
      return;
    const text = textOf(block.lines);
    if (
      text.length > 250 ||
      (block.lines[0]?.size ?? 0) < bodySize * 0.9 ||
      (!styles[index] && !block.lines.every((l) => l.bold || l.size > bodySize))
    )
      return;
    const match = matchOutline(text, outline, pointer);
    if (match === -1) return;
    outlineLevel.set(index, (outline[match] as OutlineEntry).depth + 1);
    outlineEntry.set(index, outline[match] as OutlineEntry);
    pointer = match + 1;
  });
  const useOutline = outline.length > 0 && outlineLevel.size >= outline.length * 0.4;
  const levels = levelsByStyle(styles.filter((s): s is string => !useOutline && s !== null));

  const intro: SectionDraft = { heading: introHeading(language), level: 1, blocks: [] };
  const drafts: SectionDraft[] = [intro];
  let current = intro;
  let flattened = 0;
  let figures = 0;
  const footnoteHome = new Map<number, SectionDraft>();
  let leadIn: PdfLine[] | null = null;
  const pageOfBlock = (block: PdfBlock): number =>
    block.kind === 'text' ? (block.lines[0]?.page ?? 0) : (block.rows[0]?.[0]?.page ?? 0);
  const push = (block: Block): void => {
    const previous = current.blocks[current.blocks.length - 1];
    if (block.type === 'list' && previous?.type === 'list' && previous.ordered === block.ordered)
      previous.items.push(...block.items);
    else current.blocks.push(block);
  };

  blocks.forEach((block, index) => {
    const page = pageOfBlock(block);
    if (leadIn && (block.kind !== 'text' || block.marker || styles[index])) {
      push({ type: 'paragraph', content: inlines(leadIn) });
      leadIn = null;
    }
    if (!footnoteHome.has(page)) footnoteHome.set(page, current);
    if (block.kind === 'table') {
      const table = tableFromRows(block.rows, (lines) => inlines(lines));
      if (table.flattened) flattened++;
      table.blocks.forEach(push);
      return;
    }
    if (isTitle(block)) return;
    const style = styles[index];
    const outlined = outlineLevel.get(index);
    const raw = style || outlined !== undefined ? headingTextOf(block.lines) : textOf(block.lines);
    // Only headings and cover lines: a paragraph's case is left as written.
    const text = (raw.length <= 150 ? repairCase(raw, acronyms) : raw).replace(
      DOUBLED_TAIL,
      '$1 $2',
    );
    if (outlined !== undefined || (style && !useOutline)) {
      const level = outlined ?? levels.get(style ?? '') ?? 1;
      const entry = outlineEntry.get(index);
      const key = matchKey(text);
      const broken = /^\p{Ll}/u.test(text);
      const heading = entry?.exact
        ? entry.title
        : (printedTitles.get(key) ??
          (broken && entry?.key === key ? entry.title : broken ? capitalize(text) : text));
      current = { heading, level, blocks: [] };
      drafts.push(current);
      return;
    }
    // With an outline, cover, summary and highlights pages before its first entry are intro.
    if (style) {
      const content =
        text === raw ? inlines(block.lines, false) : [{ type: 'text' as const, text }];
      push({ type: 'heading', level: 4, content });
      return;
    }
    if (CAPTION.test(text) && block.lines.length <= 3) {
      if (FIGURE.test(text)) figures++;
      push({ type: 'caption', content: inlines(block.lines) });
      return;
    }
    if (block.marker) {
      const marker = block.marker;
      const [first, ...rest] = block.lines as [PdfLine, ...PdfLine[]];
      const firstRuns = first.runs.slice();
      let cut = marker.length;
      while (cut > 0 && firstRuns.length > 0) {
        const run = firstRuns[0] as PdfLine['runs'][number];
        const take = Math.min(
          cut,
          run.text.trimStart().length + (run.text.length - run.text.trimStart().length),
        );
        const remaining = run.text.slice(take);
        cut -= take;
        if (remaining.trim() === '') firstRuns.shift();
        else firstRuns[0] = { ...run, text: remaining };
      }
      const content = inlines([{ ...first, runs: firstRuns }, ...rest]);
      push({
        type: 'list',
        ordered: marker.ordered,
        ...(marker.ordered && marker.start !== 1 ? { start: marker.start } : {}),
        items: [{ blocks: [{ type: 'paragraph', content }] }],
      });
      return;
    }
    if (leadIns.has(index)) {
      leadIn = block.lines;
      return;
    }
    const lines = leadIn ? [...leadIn, ...block.lines] : block.lines;
    leadIn = null;
    const content = text === raw ? inlines(lines) : [{ type: 'text' as const, text }];
    if (content.length > 0) push({ type: 'paragraph', content });
  });

  nameIntro(intro, drafts, language);
  if (intro.blocks.length === 0 && drafts.length > 1) drafts.shift();
  // Text before the first heading sits beside the top-level sections, not above them.
  intro.level = Math.min(...drafts.filter((d) => d !== intro).map((d) => d.level), 1e9) % 1e9 || 1;
  const notes = footnotes.map((note, i) => ({
    block: {
      type: 'footnote',
      footnoteId: ids[i] as string,
      label: note.label,
      content: inlines(note.lines),
    } satisfies FootnoteBlock,
    homeIndex: Math.max(
      drafts.indexOf(footnoteHome.get(note.page) ?? (drafts[0] as SectionDraft)),
      0,
    ),
  }));
  placeFootnotes(drafts, notes);
  for (const draft of drafts) applyTextDirection(draft.blocks);

  const warnings: string[] = [];
  if (flattened > 0)
    warnings.push(
      `${flattened} table${flattened === 1 ? ' was' : 's were'} not aligned in columns and ${flattened === 1 ? 'is' : 'are'} shown as rows of text.`,
    );
  if (figures > 0)
    warnings.push(
      `${figures} figure${figures === 1 ? '' : 's'} (charts or images) ${figures === 1 ? 'is' : 'are'} not imported; ${figures === 1 ? 'its caption is' : 'their captions are'} kept.`,
    );

  const body = drafts.flatMap((d) => d.blocks);
  return {
    format: 'pdf',
    meta: {
      title: meta.title ?? titleFromFileName(fileName),
      subtitle: null,
      organisation: meta.organisation,
      reference: meta.reference,
      date: meta.date,
      documentType: null,
      language:
        language ??
        detectLanguage(
          body.map((b) => (b.type === 'paragraph' ? inlinePlainText(b.content) : '')).join(' '),
        ),
      authors: meta.authors,
      tags: [],
    },
    sections: buildSections(drafts),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

/**
 * Imports a PDF's text layer as a brief: reading order (two columns too), paragraphs across
 * lines and pages, repaired hyphenation, no running headers or page numbers, headings by
 * style and bookmarks, lists, tables, linked footnotes and metadata.
 */
export const pdfImporter: BriefImporter = {
  format: 'pdf',
  extensions: ['pdf'],
  async import(bytes, fileName, options) {
    const doc = await openPdf(bytes, fileName);
    let pages: PdfPage[];
    let info: PdfInfo;
    let outline: OutlineEntry[];
    try {
      pages = await readPdfPages(doc, fileName, options);
      outline = await outlineTitles(doc);
      try {
        info = ((await doc.getMetadata()).info ?? {}) as PdfInfo;
      } catch {
        info = {};
      }
    } finally {
      await doc.destroy();
    }
    const chars = pages.reduce((n, p) => n + p.lines.reduce((m, l) => m + l.text.length, 0), 0);
    if (chars < pages.length * 20) {
      throw new ImportError(
        'no_text_layer',
        `“${fileName}” has no text layer (it looks like a scanned image), so there is no text to import; run it through OCR first.`,
      );
    }
    for (const page of pages) page.lines = orderColumns(page.lines, page.width);
    return toDocument(pages, info, outline, fileName);
  },
};
