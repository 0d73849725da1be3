import { z } from 'zod';
import {
  DEFAULT_ROLE_SETTINGS,
  roleSettingsFrom,
  roleSettingsSchema,
  type RoleSettings,
} from './roleSettings';

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
  /** The name and palette colour of each highlight role. */
  roles: RoleSettings;
}

export const DEFAULT_READER_SETTINGS: ReaderSettings = {
  theme: 'system',
  fontSize: 18,
  lineWidth: 'medium',
  roles: DEFAULT_ROLE_SETTINGS,
};

export const readerSettingsSchema = z
  .object({
    theme: z.enum(READER_THEMES),
    fontSize: z.number().int().min(MIN_FONT_SIZE).max(MAX_FONT_SIZE),
    lineWidth: z.enum(Object.keys(LINE_WIDTHS) as [LineWidth, ...LineWidth[]]),
    roles: roleSettingsSchema,
  })
  .strict();

/**
 * Settings read back from storage: anything missing or out of range falls back to its default,
 * so a hand-edited or older value never stops the reader from opening. Settings saved before
 * roles could be renamed have none and get the default names and colours.
 */
export function readerSettingsFrom(value: unknown): ReaderSettings {
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  const merged = { ...DEFAULT_READER_SETTINGS };
  for (const key of ['theme', 'fontSize', 'lineWidth'] as const) {
    const parsed = readerSettingsSchema.shape[key].safeParse(record[key]);
    if (parsed.success) Object.assign(merged, { [key]: parsed.data });
  }
  merged.roles = roleSettingsFrom(record.roles);
  return merged;
}
