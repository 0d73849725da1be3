import { z } from 'zod';

/**
 * The paints a highlight role can take. A fixed palette rather than a colour picker: each one
 * has a tuned light, dark and sepia paint in styles/highlights.css (`--hl-paint-<colour>`) that
 * keeps highlighted text at 7:1 contrast or better, which no free choice could promise.
 */
export const HIGHLIGHT_COLOURS = [
  'yellow',
  'green',
  'blue',
  'pink',
  'purple',
  'orange',
  'teal',
  'grey',
] as const;
export type HighlightColour = (typeof HIGHLIGHT_COLOURS)[number];

export const HIGHLIGHT_COLOUR_LABELS: Record<HighlightColour, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
  orange: 'Orange',
  teal: 'Teal',
  grey: 'Grey',
};

export const highlightColourSchema = z.enum(HIGHLIGHT_COLOURS);

/** The CSS custom property holding a palette colour's paint in the current theme. */
export function highlightPaintVar(colour: HighlightColour): string {
  return `--hl-paint-${colour}`;
}
