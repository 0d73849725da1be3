import { readerSettingsFrom, type ReaderSettings } from '../../../../shared/reader/readerSettings';

const STORAGE_KEY = 'briefmark.readerSettings';

/**
 * The settings last seen, kept in the window's storage so the first paint already has the
 * user's theme; the library's copy (asked for right after) stays the one that counts.
 */
export function readCachedReaderSettings(): ReaderSettings {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return readerSettingsFrom(stored === null ? undefined : JSON.parse(stored));
  } catch {
    return readerSettingsFrom(undefined);
  }
}

export function cacheReaderSettings(settings: ReaderSettings): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(settings));
  } catch {
    // Without storage the first paint uses the defaults until the library answers.
  }
}
