/** A run of text in one style within a line, as read from the PDF. */
export interface PdfRun {
  text: string;
  x: number;
  right: number;
  size: number;
  bold: boolean;
  italic: boolean;
  /** Raised and smaller than its line: a footnote marker or an exponent. */
  superscript: boolean;
}

/** A line segment: text on one baseline with no wide gap inside (table cells and columns split). */
export interface PdfLine {
  page: number;
  /** Segments cut from the same baseline share a row number (per page). */
  row: number;
  x: number;
  right: number;
  /** Baseline, measured down from the top of the page. */
  y: number;
  /** Dominant font size of the line (superscripts excluded). */
  size: number;
  bold: boolean;
  italic: boolean;
  text: string;
  runs: PdfRun[];
}

/** One page's lines in reading order, with the page size. */
export interface PdfPage {
  page: number;
  width: number;
  height: number;
  lines: PdfLine[];
}
