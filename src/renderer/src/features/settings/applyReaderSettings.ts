import { LINE_WIDTHS, type ReaderSettings } from '../../../../shared/reader/readerSettings';

/**
 * Puts the settings on <html>: `data-theme` (absent for `system`, so the OS decides through
 * `color-scheme`) and the reading size and measure as CSS variables the stylesheets use.
 */
export function applyReaderSettings(settings: ReaderSettings, root = document.documentElement) {
  if (settings.theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = settings.theme;
  root.style.setProperty('--reading-font-size', `${settings.fontSize}px`);
  root.style.setProperty('--reading-measure', `${LINE_WIDTHS[settings.lineWidth]}ch`);
}
