import { useRef, useState, type KeyboardEvent } from 'react';
import type { Brief } from '../../../../shared/model';
import type { SectionChanges } from '../editions/sectionChangeMap';
import type { HighlightReview } from '../highlights/review/HighlightReview';
import { HighlightsPanel } from '../highlights/review/HighlightsPanel';
import { KeyPointsPanel } from '../keypoints/KeyPointsPanel';
import { OutlineSidebar } from './OutlineSidebar';
import { readSidebarTab, storeSidebarTab, SIDEBAR_TABS, type SidebarTab } from './sidebarTab';

interface ReaderSidebarProps {
  brief: Brief;
  currentSectionId: string | null;
  onJump: (sectionId: string) => void;
  /** After a key point's jump, which scrolls to a block rather than to its section's top. */
  onKeyPointJumped?: (sectionId: string) => void;
  highlights: HighlightReview;
  /** For a brief with a previous edition, its changed sections, marked in the outline. */
  sectionChanges?: SectionChanges;
}

const TAB_LABELS: Record<SidebarTab, string> = {
  contents: 'Contents',
  'key-points': 'Key points',
  highlights: 'Highlights',
};

const tabId = (tab: SidebarTab) => `sidebar-tab-${tab}`;
const panelId = (tab: SidebarTab) => `sidebar-panel-${tab}`;

/** The reader's left sidebar: the outline, the brief's key points or one's highlights, as tabs. */
export function ReaderSidebar({
  brief,
  currentSectionId,
  onJump,
  onKeyPointJumped,
  highlights,
  sectionChanges,
}: ReaderSidebarProps) {
  const [tab, setTab] = useState<SidebarTab>(readSidebarTab);
  const tabRefs = useRef(new Map<SidebarTab, HTMLButtonElement>());
  const tabs = SIDEBAR_TABS;

  const select = (next: SidebarTab) => {
    setTab(next);
    storeSidebarTab(next);
  };

  // Arrow keys move between the tabs and show each at once (the panels are cheap to show).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.indexOf(tab);
    const last = tabs.length - 1;
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
    const next = tabs[(index + move + tabs.length) % tabs.length];
    if (!next) return;
    select(next);
    tabRefs.current.get(next)?.focus();
  };

  return (
    <div className="reader-sidebar">
      <div className="sidebar-tabs" role="tablist" aria-label="Sidebar" onKeyDown={onKeyDown}>
        {tabs.map((candidate) => (
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
          sectionChanges={sectionChanges}
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
      <div
        role="tabpanel"
        id={panelId('highlights')}
        aria-labelledby={tabId('highlights')}
        className="sidebar-panel"
        hidden={tab !== 'highlights'}
      >
        {tab === 'highlights' && (
          <HighlightsPanel
            sections={brief.sections}
            currentSectionId={currentSectionId}
            review={highlights}
          />
        )}
      </div>
    </div>
  );
}
