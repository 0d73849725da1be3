import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** An entry of the PDF's bookmarks, flattened, with its depth (0 for top level). */
export interface OutlineEntry {
  key: string;
  /** The entry as written, to restore a heading's case when the page's text lost it. */
  title: string;
  depth: number;
  /** Only a heading with the same key matches (entries from a printed table of contents). */
  exact?: boolean;
}

interface OutlineNode {
  title: string;
  items: OutlineNode[];
}

/** Letters and digits only, lowercased, accents dropped: how headings and bookmarks compare. */
export function matchKey(text: string): string {
  return text
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The PDF's bookmarks in order, or an empty list when it has none or they cannot be read. */
export async function outlineTitles(doc: PDFDocumentProxy): Promise<OutlineEntry[]> {
  let outline: OutlineNode[] | null;
  try {
    outline = (await doc.getOutline()) as OutlineNode[] | null;
  } catch {
    return [];
  }
  const out: OutlineEntry[] = [];
  const walk = (nodes: readonly OutlineNode[], depth: number): void => {
    for (const node of nodes) {
      const key = matchKey(node.title ?? '');
      // Word's hidden "_GoBack" bookmark and the like are not headings.
      if (key.length >= 3 && !node.title.startsWith('_'))
        out.push({ key, title: node.title.replace(/\s+/g, ' ').trim(), depth });
      walk(node.items ?? [], depth + 1);
    }
  };
  walk(outline ?? [], 0);
  return out;
}
