import type { NoteDoc } from '../../shared/model';
import {
  ESCAPE_SENTINEL,
  FENCE_SENTINEL,
  LIST_SEPARATOR_SENTINEL,
  stripSentinels,
} from './noteMarkdownSentinels';

type Mark = NonNullable<NoteDoc['marks']>[number];

const TEXTBLOCK_HAS_LINE_STARTS = new Set(['paragraph']);
const KEPT_WITHOUT_TEXT = new Set(['horizontalRule']);

/**
 * A copy of a note ready for TipTap's Markdown serializer: note headings sit below
 * `headingLevel` (the heading the note is exported under), keeping their relative levels, blocks without text are dropped,
 * unsafe links become plain text, adjacent lists are kept apart, and text that would read as
 * Markdown block syntax (a leading `#`, `-`, `1.`) or close a heading early is escaped.
 */
export function prepareNoteForMarkdown(doc: NoteDoc, headingLevel: number): NoteDoc {
  // The note's own top heading level sits one below the heading it is exported under, so a
  // note whose headings are all level 3 (the toolbar's) does not leave levels out.
  const top = topHeadingLevel(doc);
  const offset = top === null ? headingLevel : headingLevel - (top - 1);
  return { type: doc.type, content: prepareBlocks(doc.content ?? [], offset) };
}

function headingLevelOf(node: NoteDoc): number {
  const ownLevel = typeof node.attrs?.level === 'number' ? node.attrs.level : 1;
  return Math.min(6, Math.max(1, Math.trunc(ownLevel)));
}

function topHeadingLevel(node: NoteDoc): number | null {
  let top: number | null =
    node.type === 'heading' && noteHasText(node) ? headingLevelOf(node) : null;
  for (const child of node.content ?? []) {
    const level = topHeadingLevel(child);
    if (level !== null && (top === null || level < top)) top = level;
  }
  return top;
}

/** True when the note holds any visible text; a note without text counts as no note. */
export function noteHasText(node: NoteDoc): boolean {
  if (node.type === 'text') return /\S/u.test(stripSentinels(node.text ?? ''));
  return (node.content ?? []).some(noteHasText);
}

// Lists written with the same marker merge into one list when they follow each other.
const LIST_MARKERS: Record<string, string> = { bulletList: '-', taskList: '-', orderedList: '.' };
const LIST_SEPARATOR: NoteDoc = {
  type: 'paragraph',
  content: [{ type: 'text', text: LIST_SEPARATOR_SENTINEL }],
};

function prepareBlocks(nodes: NoteDoc[], headingLevel: number): NoteDoc[] {
  const out: NoteDoc[] = [];
  for (const block of nodes.flatMap((node) => prepareBlock(node, headingLevel))) {
    const previous = out.at(-1);
    const marker = LIST_MARKERS[block.type];
    if (marker && previous && LIST_MARKERS[previous.type] === marker) out.push(LIST_SEPARATOR);
    out.push(block);
  }
  return out;
}

function prepareBlock(node: NoteDoc, headingLevel: number): NoteDoc[] {
  if (KEPT_WITHOUT_TEXT.has(node.type)) return [{ type: node.type }];
  if (!noteHasText(node)) return [];
  switch (node.type) {
    case 'heading':
      return [prepareHeading(node, headingLevel)];
    case 'codeBlock':
      return [prepareCodeBlock(node)];
    case 'orderedList':
      return [prepareOrderedList(node, headingLevel)];
    default:
      if (TEXTBLOCK_HAS_LINE_STARTS.has(node.type)) {
        return [{ ...node, content: prepareInline(node.content ?? [], 'lines') }];
      }
      return [{ ...node, content: prepareBlocks(node.content ?? [], headingLevel) }];
  }
}

function prepareHeading(node: NoteDoc, headingLevel: number): NoteDoc {
  const level = headingLevel + headingLevelOf(node);
  const content = prepareInline(node.content ?? [], 'heading');
  if (level <= 6) return { type: 'heading', attrs: { level }, content };
  // Deeper than Markdown allows: keep it visible as a bold line instead of flattening the outline.
  const bold = content.map((child) =>
    child.type === 'text' ? { ...child, marks: [...(child.marks ?? []), { type: 'bold' }] } : child,
  );
  return { type: 'paragraph', content: bold };
}

function prepareOrderedList(node: NoteDoc, headingLevel: number): NoteDoc {
  const start = node.attrs?.start;
  return {
    type: 'orderedList',
    // Letters and roman numerals (`a.`, `iv.`) are no list markers in CommonMark: use numbers.
    attrs: {
      start:
        typeof start === 'number' && Number.isInteger(start) && start >= 0 && start < 1e9
          ? start
          : 1,
      type: null,
    },
    content: prepareBlocks(node.content ?? [], headingLevel),
  };
}

function prepareCodeBlock(node: NoteDoc): NoteDoc {
  const content = (node.content ?? []).map((child) =>
    child.type === 'text' ? { ...child, text: stripSentinels(child.text ?? '') } : child,
  );
  const code = content.map((child) => child.text ?? '').join('');
  const rawLanguage = node.attrs?.language;
  let language = typeof rawLanguage === 'string' ? rawLanguage.replace(/[^\w+#.-]/g, '') : '';
  // A line of backticks inside the code would close a ``` fence: use a longer one.
  const runs = [...code.matchAll(/^ {0,3}(`{3,})/gm)].map((match) => match[1]?.length ?? 0);
  if (runs.length > 0) {
    const fenceLength = Math.max(...runs) + 1;
    const lineCount = code.split('\n').length;
    language = `${FENCE_SENTINEL}${fenceLength}:${lineCount}${FENCE_SENTINEL}${language}`;
  }
  return { type: 'codeBlock', attrs: { language }, content };
}

const HARD_BREAK: NoteDoc = { type: 'text', text: `${ESCAPE_SENTINEL}\n` };

function prepareInline(nodes: NoteDoc[], mode: 'lines' | 'heading'): NoteDoc[] {
  const out: NoteDoc[] = [];
  let atLineStart = true;
  const pushBreak = (): void => {
    if (mode === 'heading') {
      out.push({ type: 'text', text: ' ' });
    } else {
      trimLastText(out);
      // A backslash break, not TipTap's two trailing spaces: the file keeps no trailing spaces.
      if (out.length > 0 && out.at(-1) !== HARD_BREAK) out.push(HARD_BREAK);
    }
    atLineStart = true;
  };
  for (const node of nodes) {
    if (node.type === 'hardBreak') {
      pushBreak();
      continue;
    }
    if (node.type !== 'text') {
      out.push(node);
      atLineStart = false;
      continue;
    }
    const marks = prepareMarks(node.marks);
    const isCode = marks?.some((mark) => mark.type === 'code') ?? false;
    const pieces = stripSentinels(node.text ?? '').split(/\r\n|\r|\n/);
    pieces.forEach((rawPiece, index) => {
      if (index > 0) pushBreak();
      let piece = rawPiece;
      if (atLineStart && mode === 'lines' && !isCode) {
        piece = escapeLineStart(piece.replace(/^[ \t]+/, ''));
      }
      if (piece === '') return;
      out.push(marks ? { type: 'text', text: piece, marks } : { type: 'text', text: piece });
      atLineStart = false;
    });
  }
  while (out.at(-1) === HARD_BREAK) out.pop();
  if (mode === 'heading') escapeClosingHashes(out);
  return out;
}

function trimLastText(content: NoteDoc[]): void {
  const last = content.at(-1);
  if (last?.type !== 'text' || last.marks?.some((mark) => mark.type === 'code')) return;
  const text = (last.text ?? '').replace(/[ \t]+$/, '');
  if (text === '') content.pop();
  else content[content.length - 1] = { ...last, text };
}

function prepareMarks(marks: NoteDoc['marks']): Mark[] | undefined {
  if (!marks) return undefined;
  const kept = marks.flatMap((mark): Mark[] => {
    if (mark.type !== 'link') return [mark];
    const href = mark.attrs?.href;
    if (typeof href !== 'string' || !isExportableHref(href)) return [];
    // Only the address is kept: a title or odd characters in it could break the link syntax.
    return [{ type: 'link', attrs: { href: encodeLinkDestination(href) } }];
  });
  return kept.length > 0 ? kept : undefined;
}

// Decided here, not by what the editor accepts: whatever a note holds, the file only ever links
// to the web, to mail, or back into Briefmark.
function isExportableHref(href: string): boolean {
  return /^(?:https?:|mailto:|briefmark:\/\/brief\/)/i.test(href.trim());
}

function encodeLinkDestination(href: string): string {
  return href
    .trim()
    .replace(/\p{Cc}/gu, '')
    .replace(/[ ()<>\\]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

// Text at the start of a line that CommonMark would read as a heading, list or rule
// (TipTap already writes `>` and `<` as entities, `*`, `_` and backticks escaped).
const BLOCK_START = /^(?:#{1,6}(?=[ \t]|$)|[-+](?=[ \t]|$)|[-=]+[ \t]*$)/;
const ORDERED_LIST_START = /^(\d{1,9})([.)])(?=[ \t]|$)/;

function escapeLineStart(text: string): string {
  if (BLOCK_START.test(text)) return `${ESCAPE_SENTINEL}${text}`;
  const ordered = ORDERED_LIST_START.exec(text);
  if (ordered?.[1]) return `${ordered[1]}${ESCAPE_SENTINEL}${text.slice(ordered[1].length)}`;
  return text;
}

// Trailing `#`s after a space would be read as the heading's optional closing sequence.
function escapeClosingHashes(content: NoteDoc[]): void {
  const last = content.at(-1);
  if (!last || last.type !== 'text' || last.marks) return;
  const text = last.text ?? '';
  const match = /(^|[ \t])(#+)[ \t]*$/.exec(text);
  if (!match) return;
  const at = match.index + (match[1]?.length ?? 0);
  content[content.length - 1] = {
    ...last,
    text: `${text.slice(0, at)}${ESCAPE_SENTINEL}${text.slice(at)}`,
  };
}
