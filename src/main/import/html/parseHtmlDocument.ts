import { DOMParser } from 'linkedom';

/** The few DOM node members the importer reads; linkedom's nodes satisfy them. */
export interface HtmlNode {
  readonly nodeType: number;
  readonly textContent: string | null;
  readonly parentNode: HtmlNode | null;
  readonly childNodes: ArrayLike<HtmlNode>;
}

export interface HtmlElement extends HtmlNode {
  readonly localName: string;
  readonly id: string;
  readonly children: ArrayLike<HtmlElement>;
  readonly parentElement: HtmlElement | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  hasAttribute(name: string): boolean;
  querySelector(selectors: string): HtmlElement | null;
  querySelectorAll(selectors: string): ArrayLike<HtmlElement>;
  contains(other: HtmlNode | null): boolean;
  closest(selectors: string): HtmlElement | null;
  remove(): void;
}

export interface HtmlDocument extends HtmlNode {
  readonly documentElement: HtmlElement;
  readonly body: HtmlElement | null;
  readonly head: HtmlElement | null;
  querySelector(selectors: string): HtmlElement | null;
  querySelectorAll(selectors: string): ArrayLike<HtmlElement>;
  getElementById(id: string): HtmlElement | null;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** True for element nodes. */
export function isElement(node: HtmlNode): node is HtmlElement {
  return node.nodeType === ELEMENT_NODE;
}

/** True when the markup is a whole page rather than a fragment. */
export function isFullPage(html: string): boolean {
  return /<(?:html|head|body)[\s>]/i.test(html.slice(0, 200_000));
}

/**
 * Parses HTML into a DOM (linkedom: no scripts run, nothing is fetched). A fragment is wrapped
 * in a page so that `body` always holds the content.
 */
export function parseHtmlDocument(html: string): HtmlDocument {
  const page = isFullPage(html)
    ? html
    : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  const document: unknown = new DOMParser().parseFromString(page, 'text/html');
  return document as HtmlDocument;
}
