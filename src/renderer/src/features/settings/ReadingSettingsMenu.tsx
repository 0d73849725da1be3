import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { HIGHLIGHT_ROLES } from '../../../../shared/highlights';
import {
  MAX_FONT_SIZE,
  MIN_FONT_SIZE,
  type LineWidth,
  type ReaderSettings,
  type ReaderTheme,
} from '../../../../shared/reader/readerSettings';
import { ChoiceGroup } from './ChoiceGroup';
import { HighlightColoursDialog } from './HighlightColoursDialog';

interface ReadingSettingsMenuProps {
  settings: ReaderSettings;
  onChange: (patch: Partial<ReaderSettings>) => void;
}

const THEMES: { value: ReaderTheme; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'sepia', label: 'Sepia' },
];

const WIDTHS: { value: LineWidth; label: string }[] = [
  { value: 'narrow', label: 'Narrow' },
  { value: 'medium', label: 'Medium' },
  { value: 'wide', label: 'Wide' },
];

/**
 * The "Aa" button of the reader and its panel: theme, text size and line width, and the way to
 * the highlight colours editor.
 */
export function ReadingSettingsMenu({ settings, onChange }: ReadingSettingsMenuProps) {
  const [open, setOpen] = useState(false);
  const [editingColours, setEditingColours] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    panelRef.current?.querySelector<HTMLElement>('[aria-checked="true"]')?.focus();
    const closeOnOutsideClick = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) {
        setOpen(false);
      }
    };
    document.addEventListener('pointerdown', closeOnOutsideClick);
    return () => document.removeEventListener('pointerdown', closeOnOutsideClick);
  }, [open]);

  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    setOpen(false);
    buttonRef.current?.focus();
  };

  const size = settings.fontSize;
  return (
    <div className="settings-menu">
      <button
        ref={buttonRef}
        type="button"
        className="button button-quiet settings-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label="Reading settings"
        title="Reading settings: theme, text size, line width, highlight colours"
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      >
        <span aria-hidden="true" className="settings-button-glyph">
          Aa
        </span>
      </button>
      {open && (
        <div
          ref={panelRef}
          id={panelId}
          className="settings-panel"
          role="dialog"
          aria-label="Reading settings"
          onKeyDown={closeOnEscape}
        >
          <ChoiceGroup
            label="Theme"
            options={THEMES}
            value={settings.theme}
            onChange={(theme) => onChange({ theme })}
            swatches
          />
          <div className="settings-row">
            <span className="settings-label" id={`${panelId}-size`}>
              Text size
            </span>
            <div className="settings-stepper" role="group" aria-labelledby={`${panelId}-size`}>
              <button
                type="button"
                className="button"
                aria-label="Smaller text"
                disabled={size <= MIN_FONT_SIZE}
                onClick={() => onChange({ fontSize: size - 1 })}
              >
                <span aria-hidden="true" className="settings-small-a">
                  A
                </span>
              </button>
              <output className="settings-size" aria-live="polite">
                {size} px
              </output>
              <button
                type="button"
                className="button"
                aria-label="Larger text"
                disabled={size >= MAX_FONT_SIZE}
                onClick={() => onChange({ fontSize: size + 1 })}
              >
                <span aria-hidden="true" className="settings-large-a">
                  A
                </span>
              </button>
            </div>
          </div>
          <ChoiceGroup
            label="Line width"
            options={WIDTHS}
            value={settings.lineWidth}
            onChange={(lineWidth) => onChange({ lineWidth })}
          />
          <div className="settings-footer">
            <button
              type="button"
              className="button button-quiet settings-more"
              aria-haspopup="dialog"
              onClick={() => {
                // The dialog gives focus back to what had it when it opened: the Aa button,
                // since this panel closes as the dialog opens.
                buttonRef.current?.focus();
                setOpen(false);
                setEditingColours(true);
              }}
            >
              <span className="settings-more-dots" aria-hidden="true">
                {HIGHLIGHT_ROLES.map((role) => (
                  <span key={role} className={`hl-role-dot hl-role-dot-${role}`} />
                ))}
              </span>
              Highlight colours…
            </button>
          </div>
        </div>
      )}
      {editingColours && (
        <HighlightColoursDialog
          roles={settings.roles}
          onChange={(roles) => onChange({ roles })}
          onClose={() => setEditingColours(false)}
        />
      )}
    </div>
  );
}
