import type { HtmlDocument, HtmlElement } from './parseHtmlDocument';

/** A footnote's model id and its label as the reference shows it. */
export interface FootnoteIdentity {
  footnoteId: string;
  label: string;
}

/** What dropped content to report, counted while converting. */
export interface DroppedCounts {
  images: number;
  embeds: number;
  graphics: number;
  nestedTables: number;
}

/** State shared by the block and inline converters for one document. */
export interface HtmlConversion {
  document: HtmlDocument;
  /** Footnote reference anchors and the footnote each points to. */
  footnoteRefs: Map<HtmlElement, FootnoteIdentity>;
  /** Elements converted elsewhere (footnote bodies) or not content at all. */
  skipped: Set<HtmlElement>;
  /** Back-links from footnote text to its reference, dropped from the footnote. */
  backLinks: Set<HtmlElement>;
  dropped: DroppedCounts;
}

/** A fresh conversion state for `document`. */
export function createHtmlConversion(document: HtmlDocument): HtmlConversion {
  return {
    document,
    footnoteRefs: new Map(),
    skipped: new Set(),
    backLinks: new Set(),
    dropped: { images: 0, embeds: 0, graphics: 0, nestedTables: 0 },
  };
}
