import type { Inline } from '../../../shared/model';
import type { FootnoteBlock } from '../structure/placeFootnotes';
import { convertHtmlInline } from './convertHtmlInline';
import { elementKind } from './elementKind';
import type { HtmlConversion } from './HtmlConversion';
import type { HtmlElement } from './parseHtmlDocument';

// A reference shows a short marker: 1, [12], (3), *, †, a, iv.
const LABEL = /^(?:\d{1,4}|[*†‡§¶]{1,3}|[a-z]|[ivxlc]{1,6})$/i;
const NOTE_HINT = /noteref|footnote|endnote|fnref|fn-?ref|cite[-_]?ref|note-?ref/i;
const FOOTNOTES_CONTAINER = /(?:^|[\s_-])(?:foot|end)notes?(?:$|[\s_-])/i;
const BACK_ARROW = /^(?:\s|↩|↑|\^|⤴|\uFE0E|\uFE0F)+$/;

function label(text: string | null): string {
  return (text ?? '').replace(/\s+/g, '').replace(/^[[(]|[\])]$/g, '');
}

function targetId(anchor: HtmlElement): string | null {
  const raw = anchor.getAttribute('href')?.trim() ?? '';
  if (!raw.startsWith('#') || raw.length < 2) return null;
  try {
    return decodeURIComponent(raw.slice(1));
  } catch {
    return raw.slice(1);
  }
}

function looksLikeReference(anchor: HtmlElement): boolean {
  if (anchor.closest('sup') || anchor.querySelector('sup')) return true;
  const hints = `${anchor.getAttribute('role') ?? ''} ${anchor.getAttribute('class') ?? ''} ${anchor.id}`;
  return NOTE_HINT.test(hints) || /^\[\d+\]$/.test((anchor.textContent ?? '').trim());
}

/** The block holding a footnote's text: the target itself, or the block around an inline anchor. */
function footnoteBody(target: HtmlElement): HtmlElement | null {
  let body: HtmlElement | null = target;
  while (body && elementKind(body) !== 'block') body = body.parentElement;
  if (!body || /^(?:body|html|main|article|h[1-6])$/i.test(body.localName)) return null;
  if (body.querySelector('h1, h2, h3, h4, h5, h6, table')) return null;
  return body;
}

function isFootnotesContainer(element: HtmlElement): boolean {
  const role = element.getAttribute('role') ?? '';
  if (role === 'doc-endnotes' || role === 'doc-footnotes') return true;
  return FOOTNOTES_CONTAINER.test(`${element.getAttribute('class') ?? ''} ${element.id}`);
}

function stripLeadingLabel(content: Inline[], text: string): Inline[] {
  const first = content[0];
  if (first?.type !== 'text') return content;
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const stripped = first.text
    .replace(new RegExp(`^\\s*[[(]?${escaped}[\\])]?[.:)]?(?=\\s|$)`), '')
    .replace(/^[\s.:)\]]+/, '');
  return stripped === '' ? content.slice(1) : [{ ...first, text: stripped }, ...content.slice(1)];
}

/**
 * Finds footnote references (short fragment links, usually superscript, to a note elsewhere on
 * the page) under `roots`, records them in `context`, and marks the notes and their list as
 * converted. Returns the footnote blocks in order of first reference; back-links are dropped.
 */
export function collectFootnotes(
  roots: readonly HtmlElement[],
  context: HtmlConversion,
): FootnoteBlock[] {
  const bodies = new Map<HtmlElement, { footnoteId: string; label: string }>();
  const refAnchors = new Set<HtmlElement>();
  for (const root of roots) {
    for (const anchor of Array.from(root.querySelectorAll('a[href^="#"]'))) {
      const id = targetId(anchor);
      const text = label(anchor.textContent);
      if (!id || !LABEL.test(text) || !looksLikeReference(anchor)) continue;
      const target = context.document.getElementById(id);
      const body = target ? footnoteBody(target) : null;
      if (!body || body.contains(anchor)) continue;
      let identity = bodies.get(body);
      if (!identity) {
        identity = { footnoteId: `fn-${bodies.size + 1}`, label: text };
        bodies.set(body, identity);
      }
      context.footnoteRefs.set(anchor, identity);
      refAnchors.add(anchor);
    }
  }
  const blocks: FootnoteBlock[] = [];
  for (const [body, identity] of bodies) {
    for (const link of Array.from(body.querySelectorAll('a'))) {
      const id = targetId(link);
      const target = id ? context.document.getElementById(id) : null;
      const pointsBack =
        target !== null && [...refAnchors].some((a) => target.contains(a) || a.contains(target));
      const role = link.getAttribute('role') ?? '';
      if (pointsBack || role === 'doc-backlink' || BACK_ARROW.test(link.textContent ?? '')) {
        context.backLinks.add(link);
      }
    }
    context.skipped.add(body);
    const content = stripLeadingLabel(convertHtmlInline(body.childNodes, context), identity.label);
    blocks.push({ type: 'footnote', ...identity, content });
  }
  // The list that held only notes, and a container marked as footnotes, are not body text.
  for (const body of bodies.keys()) {
    const list = body.parentElement;
    if (
      !list ||
      !Array.from(list.children).every((c) => bodies.has(c) || elementKind(c) === 'skip')
    ) {
      continue;
    }
    context.skipped.add(list);
    let container = list.parentElement;
    while (container && !isFootnotesContainer(container) && container.children.length === 1) {
      container = container.parentElement;
    }
    if (container && isFootnotesContainer(container)) context.skipped.add(container);
  }
  return blocks;
}
