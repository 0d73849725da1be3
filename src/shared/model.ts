/**
 * The document model every importer produces and every view renders.
 * Plain data only: it crosses the process boundary and is stored as JSON.
 */

/** A mark on a run of text. A link with `href: null` is a placeholder or unsafe link, shown inert. */
export type TextMark =
  { type: 'bold' } | { type: 'italic' } | { type: 'code' } | { type: 'link'; href: string | null };

export type Inline =
  | { type: 'text'; text: string; marks?: TextMark[] }
  /** A reference to a footnote block (`Block` of type `footnote`) with the same `footnoteId`. */
  | { type: 'footnoteRef'; label: string; footnoteId: string }
  | { type: 'lineBreak' };

export interface ListItem {
  /** Usually one paragraph, then any nested lists. */
  blocks: Block[];
}

export interface TableCell {
  content: Inline[];
}

export type TextDirection = 'ltr' | 'rtl';

export type Block =
  | { type: 'paragraph'; content: Inline[]; dir?: TextDirection }
  /** A heading below the section level, kept inside its section (e.g. a run-in title). */
  | { type: 'heading'; level: number; content: Inline[] }
  | { type: 'list'; ordered: boolean; start?: number; items: ListItem[] }
  | { type: 'quote'; blocks: Block[] }
  | { type: 'table'; headerRows: number; rows: TableCell[][] }
  | { type: 'footnote'; footnoteId: string; label: string; content: Inline[] }
  | { type: 'caption'; content: Inline[] }
  | { type: 'code'; text: string; language?: string }
  | { type: 'rule' };

export interface Section {
  /** Stable within a brief and across re-imports of the same text: derived from the heading. */
  id: string;
  /** 1 for top-level sections; text before the first heading is a level-1 section too. */
  level: number;
  heading: string;
  /** Ordinal path in the outline, e.g. "2.3". */
  path: string;
  parentId: string | null;
  blocks: Block[];
}

export interface BriefMeta {
  title: string;
  subtitle: string | null;
  organisation: string | null;
  /** The publisher's reference or report number, e.g. "128 SPE 24 E". */
  reference: string | null;
  /** As precise as the source states it: "2024", "2024-06" or "2024-06-13". */
  date: string | null;
  /** The kind of document as the publisher names it, e.g. "Policy Brief". */
  documentType: string | null;
  /** BCP 47 tag, e.g. "en", "ar". */
  language: string | null;
  authors: string[];
  tags: string[];
}

export type BriefFormat = 'text' | 'markdown' | 'pdf' | 'docx' | 'html';

/** What an importer returns: everything about a brief except what the library assigns. */
export interface BriefDocument {
  meta: BriefMeta;
  format: BriefFormat;
  sections: Section[];
  /** What the importer could not carry over faithfully (a flattened table, a skipped image). */
  warnings?: string[];
}

export interface BriefSummary {
  id: string;
  title: string;
  organisation: string | null;
  reference: string | null;
  date: string | null;
  format: BriefFormat;
  sourceName: string;
  importedAt: string;
  lastOpenedAt: string | null;
  sectionCount: number;
  /** How many older editions this brief replaced (kept in the library, out of the list). */
  earlierEditions: number;
}

export interface Brief extends BriefSummary {
  meta: BriefMeta;
  sections: Section[];
}

/** TipTap's JSON document (`editor.getJSON()`); validated structurally at the boundary. */
export interface NoteDoc {
  type: string;
  attrs?: Record<string, unknown>;
  content?: NoteDoc[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

/** One note per section, and one for the whole brief (`sectionId: null`). */
export interface SectionNote {
  briefId: string;
  sectionId: string | null;
  doc: NoteDoc;
  updatedAt: string;
}
