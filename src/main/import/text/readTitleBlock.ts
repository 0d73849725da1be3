import type { BriefMeta } from '../../../shared/model';
import { inlinePlainText } from '../structure/inlinePlainText';
import { parseDate } from '../structure/parseDate';
import { looksLikeReference, parseMetaFields } from '../structure/parseMetaFields';
import { isAllCaps, titleCaseAllCaps } from '../structure/titleCase';
import { blockPlainText, classifyTextHeading } from './classifyTextHeading';
import { parseTextInline } from './parseTextInline';
import type { TextBlock } from './splitTextBlocks';

/** What the short lines at the top of a text brief say about it. */
export interface TitleBlock {
  /** Number of leading blocks that form the title block. */
  length: number;
  meta: Partial<
    Pick<BriefMeta, 'organisation' | 'reference' | 'date' | 'documentType' | 'language'>
  >;
  /** Title-block lines that are not metadata, in order: the title, then a subtitle. */
  candidates: string[];
}

// A qualifier and a kind ("Policy Brief", "Working Paper"); one word alone is too often a heading.
const DOCUMENT_TYPE =
  /^(?!executive summary$)(?:[\p{L}-]+\s+){1,3}(?:brief|briefing|report|paper|note|memo|memorandum|summary|snapshot|diagnostic|review|update|analysis|statement|fact ?sheet|monitor|sidebar|bulletin|assessment|study|working paper)$/iu;
const ORGANISATION =
  /\b(?:assembly|organi[sz]ation|bank|office|agency|institute|council|committee|association|parliament|ministry|department|commission|service|centre|center|fund|group|alliance|union|foundation|university|government|secretariat|bureau|authority|forum|programme|program)\b/i;

function isShortLine(line: string): boolean {
  return line.length <= 100 && (!/[.!?;,]$/.test(line) || isAllCaps(line));
}

function isTitleBlockLine(block: TextBlock): boolean {
  if (block.kind !== 'lines' || block.lines.length > 3) return false;
  const heading = classifyTextHeading(block);
  if (heading?.kind === 'roman' || heading?.kind === 'numbered') return false;
  return block.lines.every((l) => isShortLine(l.text));
}

/**
 * Reads the title block: the run of short-line blocks before the first paragraph. Recognises a
 * pipe-separated reference line ("128 SPE 24 E | Original: English | June 2024"), date lines,
 * a document type ("Policy Brief"), an organisation line (title-cased if in capitals, keeping
 * `acronyms`), and a bare reference code. Everything else is a title candidate.
 */
export function readTitleBlock(
  blocks: readonly TextBlock[],
  acronyms: ReadonlySet<string>,
): TitleBlock {
  let length = 0;
  while (length < blocks.length && isTitleBlockLine(blocks[length] as TextBlock)) length++;
  // Without any body after it, the "title block" is the whole document: keep only its first block.
  if (length === blocks.length) length = Math.min(1, length);

  const meta: TitleBlock['meta'] = {};
  let lineDate: string | null = null;
  let lineReference: string | null = null;
  const candidates: string[] = [];
  const candidateBlocks: number[] = [];
  for (let index = 0; index < length; index++) {
    const block = blocks[index] as TextBlock;
    const rest: string[] = [];
    for (const line of block.lines) {
      const text = inlinePlainText(parseTextInline(line.text));
      const fields = parseMetaFields(text);
      if (fields && fields.recognised >= 2) {
        meta.reference ??= fields.fields.reference ?? null;
        meta.date ??= fields.fields.date ?? null;
        meta.language ??= fields.fields.language ?? null;
        meta.organisation ??= fields.fields.organisation ?? null;
        meta.documentType ??= fields.fields.documentType ?? null;
      } else if (parseDate(text)) {
        lineDate ??= parseDate(text);
      } else if (!meta.documentType && DOCUMENT_TYPE.test(text) && text.length <= 40) {
        meta.documentType = titleCaseAllCaps(text, acronyms);
      } else if (!meta.organisation && ORGANISATION.test(text) && text.length <= 80) {
        meta.organisation = titleCaseAllCaps(text, acronyms);
      } else if (!lineReference && looksLikeReference(text)) {
        lineReference = text;
      } else {
        rest.push(text);
      }
    }
    if (rest.length > 0) {
      candidates.push(rest.join(' '));
      candidateBlocks.push(index);
    }
  }
  meta.date ??= lineDate;
  meta.reference ??= lineReference;

  // The last short block right before the first paragraph is that paragraph's heading when a
  // title candidate precedes it.
  const lastCandidate = candidateBlocks[candidateBlocks.length - 1];
  if (
    candidates.length >= 2 &&
    lastCandidate === length - 1 &&
    classifyTextHeading(blocks[lastCandidate] as TextBlock) &&
    blockPlainText(blocks[lastCandidate] as TextBlock) === candidates[candidates.length - 1]
  ) {
    candidates.pop();
    length -= 1;
  }
  return { length, meta, candidates };
}
