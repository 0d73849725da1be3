const STORAGE_KEY = 'briefmark.editionBannerHidden';

function readHidden(): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * When the brief's edition was adopted, if the reader hid the "New edition" banner for that
 * adoption (a later edition brings it back); else null. In this window's storage: losing it only
 * shows the banner again.
 */
export function editionBannerHiddenFor(briefId: string): string | null {
  const adoptedAt = readHidden()[briefId];
  return typeof adoptedAt === 'string' ? adoptedAt : null;
}

export function hideEditionBanner(briefId: string, adoptedAt: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...readHidden(), [briefId]: adoptedAt }));
  } catch {
    // Without storage the banner shows again next time, which is only a small nuisance.
  }
}
