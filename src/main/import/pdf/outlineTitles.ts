import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** An entry of the PDF's bookmarks, flattened, with its depth (0 for top level). */
export interface OutlineEntry {
  key: string;
  depth: number;
}

interface OutlineNode {
  title: string;
  items: OutlineNode[];
}

/** Letters and digits only, lowercased: how headings and bookmarks are compared. */
export function matchKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
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
      if (key.length >= 3 && !node.title.startsWith('_')) out.push({ key, depth });
      walk(node.items ?? [], depth + 1);
    }
  };
  walk(outline ?? [], 0);
  return out;
}
