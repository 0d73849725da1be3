import {
  HIGHLIGHT_COLOUR_LABELS,
  HIGHLIGHT_COLOURS,
  type HighlightColour,
} from '../../../../shared/highlightColours';
import { moveInRadioGroup } from './moveInRadioGroup';

interface ColourChoiceProps {
  /** Names the group for assistive technology, e.g. "Colour for Question". */
  label: string;
  value: HighlightColour;
  onChange: (colour: HighlightColour) => void;
}

/**
 * The palette as a radio group of round swatches, each named ("Teal") and painted as the
 * current theme paints it. One tab stop; arrow keys move and choose, as in native radio groups.
 */
export function ColourChoice({ label, value, onChange }: ColourChoiceProps) {
  return (
    <div
      className="colour-choice"
      role="radiogroup"
      aria-label={label}
      onKeyDown={(event) => {
        const next = moveInRadioGroup(event, HIGHLIGHT_COLOURS, value);
        if (next !== null) onChange(next);
      }}
    >
      {HIGHLIGHT_COLOURS.map((colour) => {
        const checked = colour === value;
        return (
          <button
            key={colour}
            type="button"
            role="radio"
            aria-checked={checked}
            aria-label={HIGHLIGHT_COLOUR_LABELS[colour]}
            title={HIGHLIGHT_COLOUR_LABELS[colour]}
            tabIndex={checked ? 0 : -1}
            data-value={colour}
            data-paint={colour}
            className="colour-swatch"
            onClick={() => onChange(colour)}
          >
            <span className="colour-swatch-dot" aria-hidden="true">
              {checked && (
                <svg viewBox="0 0 12 12" width="12" height="12" className="colour-swatch-check">
                  <path d="M2.5 6.2 5 8.6l4.6-5.2" fill="none" strokeWidth="1.8" />
                </svg>
              )}
            </span>
          </button>
        );
      })}
    </div>
  );
}
