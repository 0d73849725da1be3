import { offsetInSection } from './offsetInSection';
import { SECTION_SELECTOR } from './sectionSelector';

export interface SectionOffset {
  sectionId: string;
  /** In the section's text (sectionPlainText), the text highlights are anchored in. */
  offset: number;
}

/** The element whose children are the rendered sections (the brief's article), if `element` is in one. */
function sectionsAround(element: Element): Element | null {
  for (let current: Element | null = element; current; current = current.parentElement) {
    if (current.querySelector(`:scope > ${SECTION_SELECTOR}`)) return current;
  }
  return null;
}

/**
 * A DOM position, such as a selection's anchor or focus, as a section and an offset in that
 * section's text. A position in a section but not in its text (the heading, between blocks)
 * goes to the start of the next run of text; one between sections or in the title block goes
 * to the start of the next section, or the end of the last. Null outside a rendered brief.
 */
export function sectionOffsetAt(node: Node, offset: number): SectionOffset | null {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (!element) return null;
  const section = element.closest(SECTION_SELECTOR);
  if (section) {
    return {
      sectionId: section.getAttribute('data-section-id') ?? '',
      offset: offsetInSection(section, node, offset),
    };
  }
  const container = sectionsAround(element);
  if (!container) return null;
  const sections = container.querySelectorAll(`:scope > ${SECTION_SELECTOR}`);
  const point = element.ownerDocument.createRange();
  point.setStart(node, offset);
  for (const candidate of sections) {
    if (point.comparePoint(candidate, 0) >= 0) {
      return {
        sectionId: candidate.getAttribute('data-section-id') ?? '',
        offset: offsetInSection(candidate, candidate, 0),
      };
    }
  }
  const last = sections[sections.length - 1] as Element;
  return {
    sectionId: last.getAttribute('data-section-id') ?? '',
    offset: offsetInSection(last, last, last.childNodes.length),
  };
}
