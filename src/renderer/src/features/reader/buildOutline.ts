import type { Section } from '../../../../shared/model';

/** A section with its subsections, in document order. */
export interface OutlineNode {
  section: Section;
  children: OutlineNode[];
}

/** Builds the section tree from the flat list; a section whose parent is missing becomes a root. */
export function buildOutline(sections: readonly Section[]): OutlineNode[] {
  const nodes = new Map<string, OutlineNode>();
  for (const section of sections) nodes.set(section.id, { section, children: [] });
  const roots: OutlineNode[] = [];
  for (const section of sections) {
    const node = nodes.get(section.id);
    if (!node) continue;
    const parent = section.parentId === null ? undefined : nodes.get(section.parentId);
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
