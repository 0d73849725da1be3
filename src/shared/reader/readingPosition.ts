import { z } from 'zod';

/**
 * Where the reader was in a brief: a section and how far into it, as a fraction of the
 * section's height, so the position survives a change of font size or window width.
 */
export interface ReadingPosition {
  sectionId: string;
  /** 0 at the section's top, 1 at its bottom. */
  offset: number;
}

export const readingPositionSchema = z
  .object({
    sectionId: z.string().min(1).max(128),
    offset: z.number().min(0).max(1),
  })
  .strict();
