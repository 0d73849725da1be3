import { useEffect, useMemo, useRef } from 'react';
import type { Section } from '../../../../shared/model';
import { buildOutline, type OutlineNode } from './buildOutline';
import { sectionLabel } from './sectionLabel';

interface OutlineSidebarProps {
  sections: readonly Section[];
  currentSectionId: string | null;
  onJump: (sectionId: string) => void;
}

interface OutlineListProps {
  nodes: OutlineNode[];
  depth: number;
  sections: readonly Section[];
  currentSectionId: string | null;
  onJump: (sectionId: string) => void;
}

function OutlineList({ nodes, depth, sections, currentSectionId, onJump }: OutlineListProps) {
  return (
    <ul className={depth === 0 ? 'outline-list' : 'outline-list outline-sublist'}>
      {nodes.map(({ section, children }) => {
        const current = section.id === currentSectionId;
        return (
          <li key={section.id}>
            <button
              type="button"
              className={current ? 'outline-item is-current' : 'outline-item'}
              data-testid="outline-item"
              data-section-id={section.id}
              aria-current={current ? 'location' : undefined}
              onClick={() => onJump(section.id)}
            >
              {sectionLabel(section, sections)}
            </button>
            {children.length > 0 && (
              <OutlineList
                nodes={children}
                depth={depth + 1}
                sections={sections}
                currentSectionId={currentSectionId}
                onJump={onJump}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The brief's section tree; the section being read is marked and kept in view. */
export function OutlineSidebar({ sections, currentSectionId, onJump }: OutlineSidebarProps) {
  const tree = useMemo(() => buildOutline(sections), [sections]);
  const navRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!currentSectionId) return;
    const item = navRef.current?.querySelector<HTMLElement>('.outline-item.is-current');
    item?.scrollIntoView({ block: 'nearest' });
  }, [currentSectionId]);

  return (
    <nav className="outline" aria-label="Outline" ref={navRef}>
      <h2 className="panel-title">Contents</h2>
      <OutlineList
        nodes={tree}
        depth={0}
        sections={sections}
        currentSectionId={currentSectionId}
        onJump={onJump}
      />
      <p className="outline-hint">
        <kbd>Alt</kbd> + <kbd>↑</kbd> / <kbd>↓</kbd> moves between sections
      </p>
    </nav>
  );
}
