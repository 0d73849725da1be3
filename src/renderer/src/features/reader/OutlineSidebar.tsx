import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Section } from '../../../../shared/model';
import { SECTION_CHANGE_TEXT, type SectionChanges } from '../editions/sectionChangeMap';
import { buildOutline, type OutlineNode } from './buildOutline';
import { sectionLabel } from './sectionLabel';
import { collapsibleIds, visibleOutlineNodes } from './visibleOutlineNodes';

interface OutlineSidebarProps {
  sections: readonly Section[];
  currentSectionId: string | null;
  onJump: (sectionId: string) => void;
  /** Sections the brief's latest edition changed or added, marked in the tree. */
  sectionChanges?: SectionChanges;
}

// Above this many sections the outline opens with only the top level expanded.
const EXPANDED_LIMIT = 60;

interface TreeContext {
  sections: readonly Section[];
  currentSectionId: string | null;
  /** Ancestors of the current section: a folded one is marked as holding it. */
  currentAncestors: ReadonlySet<string>;
  focusedId: string | null;
  collapsed: ReadonlySet<string>;
  onToggle: (sectionId: string) => void;
  onJump: (sectionId: string) => void;
  onFocusItem: (sectionId: string) => void;
  sectionChanges: SectionChanges | undefined;
}

function OutlineItems({
  nodes,
  depth,
  tree,
}: {
  nodes: OutlineNode[];
  depth: number;
  tree: TreeContext;
}) {
  return nodes.map(({ section, children }) => {
    const current = section.id === tree.currentSectionId;
    const expandable = children.length > 0;
    const expanded = expandable && !tree.collapsed.has(section.id);
    const change = tree.sectionChanges?.get(section.id);
    return (
      <li
        key={section.id}
        role="treeitem"
        className="outline-node"
        data-section-id={section.id}
        aria-level={depth + 1}
        aria-expanded={expandable ? expanded : undefined}
        aria-current={current ? 'location' : undefined}
        aria-selected={current}
        tabIndex={section.id === tree.focusedId ? 0 : -1}
        onFocus={(event) => {
          if (event.target === event.currentTarget) tree.onFocusItem(section.id);
        }}
      >
        <div
          className={
            current
              ? 'outline-item is-current'
              : !expanded && tree.currentAncestors.has(section.id)
                ? 'outline-item holds-current'
                : 'outline-item'
          }
          data-testid="outline-item"
          onClick={() => tree.onJump(section.id)}
        >
          {expandable ? (
            <span
              className={expanded ? 'outline-toggle is-expanded' : 'outline-toggle'}
              aria-hidden="true"
              title={expanded ? 'Collapse' : 'Expand'}
              onClick={(event) => {
                event.stopPropagation();
                tree.onToggle(section.id);
              }}
            />
          ) : (
            <span className="outline-toggle-space" aria-hidden="true" />
          )}
          <span className="outline-label" dir="auto">
            {sectionLabel(section, tree.sections)}
          </span>
          {change && (
            <span
              className={change === 'added' ? 'outline-change is-added' : 'outline-change'}
              title={SECTION_CHANGE_TEXT[change]}
              data-testid="outline-change"
            >
              <span className="edition-visually-hidden"> ({SECTION_CHANGE_TEXT[change]})</span>
            </span>
          )}
        </div>
        {expanded && (
          <ul role="group" className="outline-list">
            <OutlineItems nodes={children} depth={depth + 1} tree={tree} />
          </ul>
        )}
      </li>
    );
  });
}

function ancestorsOf(sectionId: string, sections: readonly Section[]): string[] {
  const byId = new Map(sections.map((section) => [section.id, section]));
  const ancestors: string[] = [];
  let parentId = byId.get(sectionId)?.parentId ?? null;
  while (parentId !== null && !ancestors.includes(parentId)) {
    ancestors.push(parentId);
    parentId = byId.get(parentId)?.parentId ?? null;
  }
  return ancestors;
}

/**
 * The brief's section tree as an ARIA tree: the section being read is marked, revealed and
 * kept in view; arrow keys move and fold, Enter jumps, typing a letter finds the next heading.
 */
export function OutlineSidebar({
  sections,
  currentSectionId,
  onJump,
  sectionChanges,
}: OutlineSidebarProps) {
  const roots = useMemo(() => buildOutline(sections), [sections]);
  const allCollapsible = useMemo(() => collapsibleIds(roots), [roots]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() =>
    sections.length > EXPANDED_LIMIT ? new Set(allCollapsible) : new Set(),
  );
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const treeRef = useRef<HTMLUListElement>(null);
  const visible = useMemo(() => visibleOutlineNodes(roots, collapsed), [roots, collapsed]);

  const currentAncestors = useMemo(
    () => new Set(currentSectionId ? ancestorsOf(currentSectionId, sections) : []),
    [currentSectionId, sections],
  );

  // Reading into a folded part unfolds it. Only when the section changes: a part the reader
  // folds while inside it stays folded, marked as holding the current section. Adjusted while
  // rendering (not in an effect) so the tree never paints with the current section hidden.
  const [revealedFor, setRevealedFor] = useState<string | null>(null);
  if (currentSectionId !== revealedFor) {
    setRevealedFor(currentSectionId);
    if ([...currentAncestors].some((id) => collapsed.has(id))) {
      setCollapsed(new Set([...collapsed].filter((id) => !currentAncestors.has(id))));
    }
  }

  useEffect(() => {
    if (!currentSectionId) return;
    const item = treeRef.current?.querySelector<HTMLElement>('.outline-item.is-current');
    item?.scrollIntoView({ block: 'nearest' });
  }, [currentSectionId, collapsed]);

  const tabStop =
    (focusedId && visible.some(({ node }) => node.section.id === focusedId) && focusedId) ||
    (currentSectionId && visible.some(({ node }) => node.section.id === currentSectionId)
      ? currentSectionId
      : (visible[0]?.node.section.id ?? null));

  const toggle = (sectionId: string) =>
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (next.has(sectionId)) next.delete(sectionId);
      else next.add(sectionId);
      return next;
    });

  const focusItem = (sectionId: string | undefined) => {
    if (!sectionId) return;
    setFocusedId(sectionId);
    const item = treeRef.current?.querySelector<HTMLElement>(
      `[role="treeitem"][data-section-id="${CSS.escape(sectionId)}"]`,
    );
    item?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const index = visible.findIndex(({ node }) => node.section.id === tabStop);
    const entry = visible[index];
    if (!entry) return;
    const id = entry.node.section.id;
    const expandable = entry.node.children.length > 0;
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        focusItem(visible[index + 1]?.node.section.id);
        break;
      case 'ArrowUp':
        focusItem(visible[index - 1]?.node.section.id);
        break;
      case 'Home':
        focusItem(visible[0]?.node.section.id);
        break;
      case 'End':
        focusItem(visible.at(-1)?.node.section.id);
        break;
      case 'ArrowRight':
        if (expandable && collapsed.has(id)) toggle(id);
        else if (expandable) focusItem(entry.node.children[0]?.section.id);
        break;
      case 'ArrowLeft':
        if (expandable && !collapsed.has(id)) toggle(id);
        else focusItem(entry.parentId ?? undefined);
        break;
      case 'Enter':
      case ' ':
        onJump(id);
        break;
      default:
        handled = typeAhead(event.key, index);
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  const typeAhead = (key: string, fromIndex: number): boolean => {
    if (key.length !== 1 || key === ' ') return false;
    const letter = key.toLocaleLowerCase();
    for (let step = 1; step <= visible.length; step++) {
      const candidate = visible[(fromIndex + step) % visible.length];
      const label = candidate ? sectionLabel(candidate.node.section, sections) : '';
      if (label.toLocaleLowerCase().startsWith(letter)) {
        focusItem(candidate?.node.section.id);
        return true;
      }
    }
    return false;
  };

  const everythingCollapsed = allCollapsible.every((id) => collapsed.has(id));
  const tree: TreeContext = {
    sections,
    currentSectionId,
    currentAncestors,
    focusedId: tabStop,
    collapsed,
    onToggle: toggle,
    onJump: (sectionId) => {
      setFocusedId(sectionId);
      onJump(sectionId);
    },
    onFocusItem: setFocusedId,
    sectionChanges,
  };

  return (
    <nav className="outline" aria-label="Outline">
      {allCollapsible.length > 0 && (
        <div className="outline-tools">
          <button
            type="button"
            className="outline-fold-all"
            onClick={() => setCollapsed(everythingCollapsed ? new Set() : new Set(allCollapsible))}
          >
            {everythingCollapsed ? 'Expand all' : 'Collapse all'}
          </button>
        </div>
      )}
      <ul
        ref={treeRef}
        role="tree"
        aria-label="Sections"
        className="outline-list outline-tree"
        onKeyDown={onKeyDown}
      >
        <OutlineItems nodes={roots} depth={0} tree={tree} />
      </ul>
      <p className="outline-hint">
        <kbd>[</kbd> <kbd>]</kbd> or <kbd>Alt</kbd> + <kbd>↑</kbd> / <kbd>↓</kbd> move between
        sections
      </p>
    </nav>
  );
}
