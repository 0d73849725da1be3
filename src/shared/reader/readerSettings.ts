import { z } from 'zod';

/** How the reader looks; `system` follows the OS between light and dark. */
export const READER_THEMES = ['system', 'light', 'dark', 'sepia'] as const;
export type ReaderTheme = (typeof READER_THEMES)[number];

/** Line widths in characters of the reading font: the measure, not the window width. */
export const LINE_WIDTHS = { narrow: 58, medium: 68, wide: 84 } as const;
export type LineWidth = keyof typeof LINE_WIDTHS;

export const MIN_FONT_SIZE = 14;
export const MAX_FONT_SIZE = 26;

export interface ReaderSettings {
  theme: ReaderTheme;
  /** Body text size in CSS pixels. */
  fontSize: number;
  lineWidth: LineWidth;
}

export const DEFAULT_READER_SETTINGS: ReaderSettings = {
  theme: 'system',
  fontSize: 18,
  lineWidth: 'medium',
};

export const readerSettingsSchema = z
  .object({
    theme: z.enum(READER_THEMES),
    fontSize: z.number().int().min(MIN_FONT_SIZE).max(MAX_FONT_SIZE),
    lineWidth: z.enum(Object.keys(LINE_WIDTHS) as [LineWidth, ...LineWidth[]]),
  })
  .strict();

/**
 * Settings read back from storage: anything missing or out of range falls back to its default,
 * so a hand-edited or older value never stops the reader from opening.
 */
export function readerSettingsFrom(value: unknown): ReaderSettings {
  const record = typeof value === 'object' && value !== null ? value : {};
  const merged = { ...DEFAULT_READER_SETTINGS };
  for (const key of Object.keys(DEFAULT_READER_SETTINGS) as (keyof ReaderSettings)[]) {
    const candidate = {
      ...DEFAULT_READER_SETTINGS,
      [key]: (record as Record<string, unknown>)[key],
    };
    const parsed = readerSettingsSchema.safeParse(candidate);
    if (parsed.success) Object.assign(merged, { [key]: parsed.data[key] });
  }
  return merged;
}
