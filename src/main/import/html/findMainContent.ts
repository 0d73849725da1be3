import { Readability } from '@mozilla/readability';
import type { HtmlDocument, HtmlElement } from './parseHtmlDocument';

const MARK = 'data-briefmark-node';

type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];

function elementsInOrder(document: HtmlDocument): HtmlElement[] {
  return Array.from(document.querySelectorAll('body *'));
}

function textLength(elements: readonly HtmlElement[]): number {
  return elements.reduce((n, e) => n + (e.textContent ?? '').replace(/\s+/g, '').length, 0);
}

/** The semantic main region, or the body: the fallback when Readability finds nothing. */
function semanticMain(document: HtmlDocument): HtmlElement[] {
  const main =
    document.querySelector('main, [role="main"]') ??
    (document.querySelectorAll('article').length === 1 ? document.querySelector('article') : null);
  const body = document.body;
  if (main && body && textLength([main]) * 2 >= textLength([body])) return [main];
  return body ? [body] : [document.documentElement];
}

/** Ids of the original elements Readability kept, outermost only, from its article node. */
function keptIds(node: HtmlElement, out: number[]): void {
  const mark = node.getAttribute(MARK);
  if (mark !== null) {
    out.push(Number(mark));
    return;
  }
  for (const child of Array.from(node.children)) keptIds(child, out);
}

/**
 * Finds the main content of a full page: Readability runs on a second parse of the same page
 * (it rewrites the tree), and the elements it kept are looked up in `document`, so the importer
 * converts the page's own markup. Falls back to <main>, a single <article>, or <body>.
 */
export function findMainContent(
  document: HtmlDocument,
  parseAgain: () => HtmlDocument,
): HtmlElement[] {
  const original = elementsInOrder(document);
  const copy = parseAgain();
  const copied = elementsInOrder(copy);
  if (copied.length !== original.length) return semanticMain(document);
  copied.forEach((element, i) => element.setAttribute(MARK, String(i)));
  let article: HtmlElement | null;
  try {
    const reader = new Readability<HtmlElement>(copy as unknown as ReadabilityDocument, {
      serializer: (node) => node as unknown as HtmlElement,
      charThreshold: 300,
    });
    article = reader.parse()?.content ?? null;
  } catch {
    article = null;
  }
  if (!article) return semanticMain(document);
  const ids: number[] = [];
  keptIds(article, ids);
  const kept = [...new Set(ids)]
    .sort((a, b) => a - b)
    .map((i) => original[i])
    .filter((e): e is HtmlElement => e !== undefined);
  const outermost = kept.filter((e) => !kept.some((other) => other !== e && other.contains(e)));
  const fallback = semanticMain(document);
  // Readability sometimes settles on one box of a long page; the semantic region then reads better.
  const ratio = fallback[0] === document.body ? 5 : 3;
  if (outermost.length === 0 || textLength(outermost) * ratio < textLength(fallback))
    return fallback;
  return outermost;
}
