import { useRef, useState, type KeyboardEvent } from 'react';
import type { Brief } from '../../../../shared/model';
import { KeyPointsPanel } from '../keypoints/KeyPointsPanel';
import { OutlineSidebar } from './OutlineSidebar';
import { readSidebarTab, storeSidebarTab, SIDEBAR_TABS, type SidebarTab } from './sidebarTab';

interface ReaderSidebarProps {
  brief: Brief;
  currentSectionId: string | null;
  onJump: (sectionId: string) => void;
  /** After a key point's jump, which scrolls to a block rather than to its section's top. */
  onKeyPointJumped?: (sectionId: string) => void;
}

const TAB_LABELS: Record<SidebarTab, string> = { contents: 'Contents', 'key-points': 'Key points' };

const tabId = (tab: SidebarTab) => `sidebar-tab-${tab}`;
const panelId = (tab: SidebarTab) => `sidebar-panel-${tab}`;

/** The reader's left sidebar: the outline, or the brief's key points, behind two tabs. */
export function ReaderSidebar({
  brief,
  currentSectionId,
  onJump,
  onKeyPointJumped,
}: ReaderSidebarProps) {
  const [tab, setTab] = useState<SidebarTab>(readSidebarTab);
  const tabRefs = useRef(new Map<SidebarTab, HTMLButtonElement>());

  const select = (next: SidebarTab) => {
    setTab(next);
    storeSidebarTab(next);
  };

  // Arrow keys move between the tabs and show each at once (the panels are cheap to show).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = SIDEBAR_TABS.indexOf(tab);
    const last = SIDEBAR_TABS.length - 1;
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const step: Partial<Record<string, number>> = {
      ArrowRight: rtl ? -1 : 1,
      ArrowLeft: rtl ? 1 : -1,
      Home: -index,
      End: last - index,
    };
    const move = step[event.key];
    if (move === undefined) return;
    event.preventDefault();
    const next = SIDEBAR_TABS[(index + move + SIDEBAR_TABS.length) % SIDEBAR_TABS.length];
    if (!next) return;
    select(next);
    tabRefs.current.get(next)?.focus();
  };

  return (
    <div className="reader-sidebar">
      <div className="sidebar-tabs" role="tablist" aria-label="Sidebar" onKeyDown={onKeyDown}>
        {SIDEBAR_TABS.map((candidate) => (
          <button
            key={candidate}
            ref={(element) => {
              if (element) tabRefs.current.set(candidate, element);
              else tabRefs.current.delete(candidate);
            }}
            type="button"
            role="tab"
            id={tabId(candidate)}
            className="sidebar-tab"
            aria-selected={candidate === tab}
            aria-controls={panelId(candidate)}
            tabIndex={candidate === tab ? 0 : -1}
            onClick={() => select(candidate)}
          >
            {TAB_LABELS[candidate]}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={panelId('contents')}
        aria-labelledby={tabId('contents')}
        className="sidebar-panel"
        hidden={tab !== 'contents'}
      >
        <OutlineSidebar
          sections={brief.sections}
          currentSectionId={currentSectionId}
          onJump={onJump}
        />
      </div>
      <div
        role="tabpanel"
        id={panelId('key-points')}
        aria-labelledby={tabId('key-points')}
        className="sidebar-panel"
        hidden={tab !== 'key-points'}
      >
        {tab === 'key-points' && (
          <KeyPointsPanel
            brief={brief}
            currentSectionId={currentSectionId}
            onJumped={onKeyPointJumped}
          />
        )}
      </div>
    </div>
  );
}
