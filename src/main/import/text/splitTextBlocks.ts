/** One source line: its indentation (tabs count 4) and its trimmed text. */
export interface TextLine {
  indent: number;
  text: string;
}

/**
 * A run of lines between blank lines. `list` blocks hold one line per item (continuation lines
 * already joined); `footnote` blocks start with a footnote marker ("¹ " or "[^1]: ").
 */
export interface TextBlock {
  kind: 'lines' | 'list' | 'footnote';
  lines: TextLine[];
}

/** Bullet or number that starts a list item, followed by whitespace. */
export const LIST_MARKER = /^(?:[-*+•◦▪‣·]|\d{1,3}[.)])\s+/;
/** A footnote definition: superscript digits or [^label]: at the start of a line. */
export const FOOTNOTE_DEFINITION = /^(?:([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s+|\[\^([^\]\s]+)\]:\s*)(?=\S)/;

function measure(raw: string): TextLine {
  const expanded = raw.replace(/\t/g, '    ');
  const text = expanded.trim();
  return { indent: expanded.length - expanded.trimStart().length, text };
}

/** Splits normalised text (`\n` line ends) into blocks of lines, lists and footnote definitions. */
export function splitTextBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current: TextBlock | null = null;
  const start = (kind: TextBlock['kind'], line: TextLine): void => {
    current = { kind, lines: [line] };
    blocks.push(current);
  };
  for (const raw of text.split('\n')) {
    const line = measure(raw);
    const open = current as TextBlock | null;
    if (line.text === '') {
      current = null;
    } else if (FOOTNOTE_DEFINITION.test(line.text)) {
      start('footnote', line);
    } else if (LIST_MARKER.test(line.text)) {
      if (open?.kind === 'list') open.lines.push(line);
      else start('list', line);
    } else if (open && open.kind !== 'lines') {
      // A line without a marker continues the last list item or footnote.
      const last = open.lines[open.lines.length - 1];
      if (last) last.text += ` ${line.text}`;
    } else if (open) {
      open.lines.push(line);
    } else {
      start('lines', line);
    }
  }
  return blocks;
}
