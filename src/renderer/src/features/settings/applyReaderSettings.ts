import { highlightPaintVar } from '../../../../shared/highlightColours';
import { HIGHLIGHT_ROLES } from '../../../../shared/highlights';
import { LINE_WIDTHS, type ReaderSettings } from '../../../../shared/reader/readerSettings';

/**
 * Puts the settings on <html>: `data-theme` (absent for `system`, so the OS decides through
 * `color-scheme`), the reading size and measure as CSS variables the stylesheets use, and each
 * highlight role's paint (`--hl-<role>`) pointed at its palette colour, so the painted
 * highlights and every swatch change at once and keep following the theme.
 */
export function applyReaderSettings(settings: ReaderSettings, root = document.documentElement) {
  if (settings.theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = settings.theme;
  root.style.setProperty('--reading-font-size', `${settings.fontSize}px`);
  root.style.setProperty('--reading-measure', `${LINE_WIDTHS[settings.lineWidth]}ch`);
  for (const role of HIGHLIGHT_ROLES) {
    root.style.setProperty(
      `--hl-${role}`,
      `var(${highlightPaintVar(settings.roles[role].colour)})`,
    );
  }
}
