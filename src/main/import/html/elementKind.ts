import type { HtmlElement } from './parseHtmlDocument';

/** How the converter treats an element. */
export type ElementKind = 'inline' | 'block' | 'skip' | 'embed' | 'image' | 'graphic';

const INLINE = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'br',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  'ruby',
  'rb',
  'rt',
  'rp',
]);

// Never content: code, styling, page machinery and interactive controls.
const SKIP = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'link',
  'meta',
  'base',
  'head',
  'title',
  'nav',
  'input',
  'button',
  'select',
  'textarea',
  'option',
  'optgroup',
  'datalist',
  'output',
  'dialog',
  'slot',
  'param',
  'source',
  'track',
  'map',
  'area',
  'menu',
  'frameset',
  'noframes',
  'portal',
]);

// Content Briefmark cannot show and reports as dropped.
const EMBED = new Set(['iframe', 'frame', 'object', 'embed', 'applet', 'video', 'audio', 'form']);
const GRAPHIC = new Set(['svg', 'math', 'canvas']);

// Hidden text is not what a reader of the page saw.
function isHidden(element: HtmlElement): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Classifies an element by tag name (lowercase local name). */
export function elementKind(element: HtmlElement): ElementKind {
  const tag = element.localName.toLowerCase();
  if (isHidden(element)) return 'skip';
  if (INLINE.has(tag)) return 'inline';
  if (SKIP.has(tag)) return 'skip';
  if (EMBED.has(tag)) return 'embed';
  if (GRAPHIC.has(tag)) return 'graphic';
  if (tag === 'img' || tag === 'picture' || tag === 'image') return 'image';
  return 'block';
}
