export const SIDEBAR_TABS = ['contents', 'key-points', 'highlights'] as const;
export type SidebarTab = (typeof SIDEBAR_TABS)[number];

const STORAGE_KEY = 'briefmark.sidebarTab';

/** The sidebar tab the reader last chose, in this window's storage; Contents at first. */
export function readSidebarTab(): SidebarTab {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return SIDEBAR_TABS.find((tab) => tab === stored) ?? 'contents';
  } catch {
    return 'contents';
  }
}

export function storeSidebarTab(tab: SidebarTab): void {
  try {
    localStorage.setItem(STORAGE_KEY, tab);
  } catch {
    // Without storage the sidebar opens on Contents next time, which is only a small loss.
  }
}
