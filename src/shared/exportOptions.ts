import { z } from 'zod';

/** What goes into a brief's Markdown export besides its notes and highlights. */
export interface ExportOptions {
  /** Every section of the outline, not only those with a note or a highlight. */
  includeAllSections: boolean;
  /** Each shown section's own text, as paragraphs under its heading. */
  includeFullText: boolean;
  /** Highlights under one heading per role instead of under their sections. */
  groupByRole: boolean;
  /**
   * Saving to files also writes the annotations as W3C Web Annotation JSON beside each
   * Markdown file (the sidecar), which an import of the same brief can restore from.
   */
  sidecar: boolean;
}

export const DEFAULT_EXPORT_OPTIONS: Readonly<ExportOptions> = {
  includeAllSections: false,
  includeFullText: false,
  groupByRole: false,
  sidecar: false,
};

export const exportOptionsSchema = z
  .object({
    includeAllSections: z.boolean(),
    includeFullText: z.boolean(),
    groupByRole: z.boolean(),
    sidecar: z.boolean(),
  })
  .strict();

/** A request may name only the options it changes; the others keep their remembered value. */
export const exportOptionsChangeSchema = exportOptionsSchema.partial();

/**
 * Options read back from storage field by field: a damaged or missing field falls back to its
 * default and leaves the others as the user chose them.
 */
export function exportOptionsFrom(value: unknown): ExportOptions {
  const stored = typeof value === 'object' && value !== null ? value : undefined;
  return withExportOptions(DEFAULT_EXPORT_OPTIONS, stored as Partial<ExportOptions> | undefined);
}

/** `base` with the options `change` gives; anything else in `change` is ignored. */
export function withExportOptions(
  base: Readonly<ExportOptions>,
  change: Partial<ExportOptions> | undefined,
): ExportOptions {
  const pick = (key: keyof ExportOptions): boolean => {
    const value = change?.[key];
    return typeof value === 'boolean' ? value : base[key];
  };
  return {
    includeAllSections: pick('includeAllSections'),
    includeFullText: pick('includeFullText'),
    groupByRole: pick('groupByRole'),
    sidecar: pick('sidecar'),
  };
}
