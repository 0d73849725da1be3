import type { OutlineNode } from './buildOutline';

/** An outline node as shown: with its depth and parent, in display order. */
export interface VisibleOutlineNode {
  node: OutlineNode;
  depth: number;
  parentId: string | null;
}

/** The nodes a reader can see: every root, and the children of expanded nodes only. */
export function visibleOutlineNodes(
  roots: readonly OutlineNode[],
  collapsed: ReadonlySet<string>,
): VisibleOutlineNode[] {
  const visible: VisibleOutlineNode[] = [];
  const walk = (nodes: readonly OutlineNode[], depth: number, parentId: string | null) => {
    for (const node of nodes) {
      visible.push({ node, depth, parentId });
      if (node.children.length > 0 && !collapsed.has(node.section.id)) {
        walk(node.children, depth + 1, node.section.id);
      }
    }
  };
  walk(roots, 0, null);
  return visible;
}

/** Ids of the nodes that have children: the ones a reader can collapse. */
export function collapsibleIds(roots: readonly OutlineNode[]): string[] {
  const ids: string[] = [];
  const walk = (nodes: readonly OutlineNode[]) => {
    for (const node of nodes) {
      if (node.children.length === 0) continue;
      ids.push(node.section.id);
      walk(node.children);
    }
  };
  walk(roots);
  return ids;
}
