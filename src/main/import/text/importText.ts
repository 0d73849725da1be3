import type { Block, BriefDocument } from '../../../shared/model';
import { applyTextDirection } from '../structure/applyTextDirection';
import { buildSections, type SectionDraft } from '../structure/buildSections';
import { detectLanguage } from '../structure/detectLanguage';
import { inlinePlainText } from '../structure/inlinePlainText';
import { introHeading } from '../structure/introHeading';
import { placeFootnotes, type FootnoteBlock } from '../structure/placeFootnotes';
import { sectionSlug } from '../structure/sectionSlug';
import { collectAcronyms } from '../structure/titleCase';
import { classifyTextHeading, type TextHeading } from './classifyTextHeading';
import { joinTextLines } from './joinTextLines';
import { parseTextInline, superscriptToDigits } from './parseTextInline';
import { parseTextList } from './parseTextList';
import { readTitleBlock } from './readTitleBlock';
import { splitLayoutColumns } from './splitLayoutColumns';
import { FOOTNOTE_DEFINITION, splitTextBlocks, type TextBlock } from './splitTextBlocks';
import { titleFromFileName } from '../structure/titleFromFileName';

interface FootnoteDefinition {
  label: string;
  id: string;
  text: string;
}

function readFootnoteDefinitions(blocks: readonly TextBlock[]): Map<number, FootnoteDefinition> {
  const definitions = new Map<number, FootnoteDefinition>();
  const usedIds = new Set<string>();
  blocks.forEach((block, index) => {
    const first = block.lines[0]?.text ?? '';
    const m = block.kind === 'footnote' ? FOOTNOTE_DEFINITION.exec(first) : null;
    if (!m) return;
    const label = m[1] ? superscriptToDigits(m[1]) : (m[2] ?? '');
    const base = `fn-${sectionSlug(label)}`;
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
    usedIds.add(id);
    definitions.set(index, { label, id, text: first.slice(m[0].length) });
  });
  return definitions;
}

function startsWithCaseless(text: string, prefix: string | undefined): boolean {
  return prefix !== undefined && text.toLowerCase().startsWith(prefix.toLowerCase());
}

/** Picks the title: a capitals heading that restates the cover title on the first page, else the cover. */
function findRestatedTitle(
  blocks: readonly TextBlock[],
  headings: readonly (TextHeading | null)[],
  from: number,
  coverTitle: string | undefined,
): number {
  let paragraphs = 0;
  for (let i = from; i < blocks.length && paragraphs <= 2; i++) {
    const heading = headings[i];
    if (heading) {
      const restates = coverTitle === undefined || startsWithCaseless(heading.text, coverTitle);
      return heading.kind === 'caps' && restates ? i : -1;
    }
    if (blocks[i]?.kind !== 'lines') return -1;
    paragraphs++;
  }
  return -1;
}

/**
 * Imports plain text with Markdown-like marks (the sample brief's format): title block as metadata,
 * headings by numbering (Roman, 1., 1.1), capitals and short heading lines, lists nested by
 * indentation, bold/italic/links, and footnotes placed after the section that first cites them.
 * Layout-mode text with two columns side by side is read column by column first.
 */
export function importText(text: string, fileName: string): BriefDocument {
  const blocks = splitTextBlocks(splitLayoutColumns(text));
  const definitions = readFootnoteDefinitions(blocks);
  const notes = new Map<string, string>();
  for (const d of definitions.values()) if (!notes.has(d.label)) notes.set(d.label, d.id);

  const acronyms = collectAcronyms(text.slice(0, 200_000).split('\n'));
  const titleBlock = readTitleBlock(blocks, acronyms);
  const candidates = [...titleBlock.candidates];
  const headings = blocks.map(classifyTextHeading);

  let title: string | null = null;
  const titleIndex = findRestatedTitle(blocks, headings, titleBlock.length, candidates[0]);
  if (titleIndex !== -1) {
    title = headings[titleIndex]?.text ?? null;
    if (candidates.length > 0 && startsWithCaseless(title ?? '', candidates[0])) candidates.shift();
  }
  title ??= candidates.shift() ?? null;
  const subtitle = candidates.shift() ?? null;
  let skipFirstLine = false;
  const firstLine = blocks[0]?.lines[0]?.text ?? '';
  if (
    !title &&
    blocks[0]?.kind === 'lines' &&
    firstLine.length <= 120 &&
    !/[.!?]$/.test(firstLine)
  ) {
    title = inlinePlainText(parseTextInline(firstLine));
    skipFirstLine = true;
  }

  const language = titleBlock.meta.language ?? detectLanguage(text);
  const intro: SectionDraft = { heading: introHeading(language), level: 1, blocks: [] };
  for (const leftover of candidates)
    intro.blocks.push({ type: 'paragraph', content: parseTextInline(leftover) });
  const drafts: SectionDraft[] = [intro];
  const footnotes: { block: FootnoteBlock; home: SectionDraft }[] = [];
  let current = intro;
  let numberedLevel = 0;
  let romanSeen = false;
  let capsSeen = false;

  const isBody = (index: number): boolean => {
    const next = index + 1 === titleIndex ? index + 2 : index + 1;
    return next < blocks.length && headings[next] === null;
  };

  for (let index = titleBlock.length; index < blocks.length; index++) {
    if (index === titleIndex) continue;
    const block = blocks[index] as TextBlock;
    const heading = headings[index];
    if (heading && (heading.kind !== 'short' || isBody(index))) {
      let level: number;
      if (heading.kind === 'roman') {
        level = 1;
        romanSeen = true;
        numberedLevel = 1;
      } else if (heading.kind === 'numbered') {
        level = heading.depth + (romanSeen ? 1 : 0);
        numberedLevel = level;
      } else if (numberedLevel > 0) {
        level = numberedLevel + 1;
      } else {
        level = heading.kind === 'short' && capsSeen ? 2 : 1;
        if (heading.kind === 'caps') capsSeen = true;
      }
      current = { heading: heading.text, level, blocks: [] };
      drafts.push(current);
      continue;
    }
    const definition = definitions.get(index);
    if (definition) {
      const content = parseTextInline(
        [definition.text, ...block.lines.slice(1).map((l) => l.text)].join(' '),
        notes,
      );
      footnotes.push({
        block: { type: 'footnote', footnoteId: definition.id, label: definition.label, content },
        home: current,
      });
      continue;
    }
    if (block.kind === 'list') {
      const list = parseTextList(block.lines, notes);
      const previous = current.blocks[current.blocks.length - 1];
      // A list interrupted only by a footnote or a blank line continues the same list.
      if (previous?.type === 'list' && previous.ordered === list.ordered)
        previous.items.push(...list.items);
      else current.blocks.push(list);
      continue;
    }
    const lines = index === 0 && skipFirstLine ? block.lines.slice(1) : block.lines;
    if (lines.length === 0) continue;
    const paragraph: Block = {
      type: 'paragraph',
      content: parseTextInline(joinTextLines(lines.map((l) => l.text)), notes),
    };
    if (paragraph.content.length > 0) current.blocks.push(paragraph);
  }

  if (intro.blocks.length === 0 && (drafts.length > 1 || footnotes.length > 0)) drafts.shift();
  placeFootnotes(
    drafts,
    footnotes.map((f) => ({ block: f.block, homeIndex: Math.max(drafts.indexOf(f.home), 0) })),
  );
  for (const draft of drafts) applyTextDirection(draft.blocks);

  return {
    format: 'text',
    meta: {
      title: title ?? titleFromFileName(fileName),
      subtitle,
      organisation: titleBlock.meta.organisation ?? null,
      reference: titleBlock.meta.reference ?? null,
      date: titleBlock.meta.date ?? null,
      documentType: titleBlock.meta.documentType ?? null,
      language,
      authors: [],
      tags: [],
    },
    sections: buildSections(drafts),
  };
}
