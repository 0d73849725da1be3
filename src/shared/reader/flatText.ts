import type { Inline } from '../model';

/** A paragraph's text with whitespace collapsed to single spaces, and which characters are bold. */
export interface FlatText {
  text: string;
  /** One entry per UTF-16 unit of `text`: bold, not bold, or `null` for a space (either side's). */
  bold: (boolean | null)[];
}

export interface TextRange {
  start: number;
  end: number;
}

const isBold = (inline: Extract<Inline, { type: 'text' }>): boolean =>
  inline.marks?.some((mark) => mark.type === 'bold') ?? false;

/** The text of `content` (footnote markers left out) with each character's boldness. */
export function flatText(content: readonly Inline[]): FlatText {
  let text = '';
  const bold: (boolean | null)[] = [];
  const append = (chunk: string, chunkBold: boolean) => {
    for (let index = 0; index < chunk.length; index += 1) {
      const char = chunk[index] as string;
      if (/\s/.test(char)) {
        if (text.length === 0 || text.endsWith(' ')) continue;
        text += ' ';
        bold.push(null);
      } else {
        text += char;
        bold.push(chunkBold);
      }
    }
  };
  for (const inline of content) {
    if (inline.type === 'text') append(inline.text, isBold(inline));
    else if (inline.type === 'lineBreak') append(' ', false);
  }
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    bold.pop();
  }
  return { text, bold };
}

/** Two paragraphs read as one, for a sentence that a page break split in two. */
export function joinFlatText(first: FlatText, second: FlatText): FlatText {
  return { text: `${first.text} ${second.text}`, bold: [...first.bold, null, ...second.bold] };
}

/** The bold runs of `flat`; runs separated only by spaces count as one. */
export function boldRanges(flat: FlatText): TextRange[] {
  const ranges: TextRange[] = [];
  let start = -1;
  let lastBold = -1;
  flat.bold.forEach((bold, index) => {
    if (bold === true) {
      if (start < 0) start = index;
      lastBold = index;
    } else if (bold === false && start >= 0) {
      ranges.push({ start, end: lastBold + 1 });
      start = -1;
    }
  });
  if (start >= 0) ranges.push({ start, end: lastBold + 1 });
  return ranges;
}
