import { z } from 'zod';

/**
 * A highlight's colour is a named role, not a hex value: themes choose the paint, and the
 * export names the role. Five roles by default; renaming and recolouring come from settings.
 */
export const HIGHLIGHT_ROLES = ['key-point', 'evidence', 'question', 'disagree', 'action'] as const;
export type HighlightRole = (typeof HIGHLIGHT_ROLES)[number];

export const DEFAULT_ROLE_LABELS: Record<HighlightRole, string> = {
  'key-point': 'Key point',
  evidence: 'Evidence',
  question: 'Question',
  disagree: 'Disagree',
  action: 'Action',
};

/**
 * Where a highlight is, after the W3C Web Annotation selectors: the quoted text with up to 32
 * characters either side (TextQuoteSelector), its offsets in the section's plain text
 * (TextPositionSelector), and a hash of that text to tell whether the section changed.
 */
export interface TextAnchor {
  sectionId: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  /** sectionTextHash of the section text the offsets refer to. */
  textHash: string;
}

/**
 * How well a highlight still fits the text: where it was (`exact`), the same words elsewhere in
 * the section or brief (`moved`), an approximate match (`fuzzy`, with a score in 0..1), or no
 * match at all (`orphaned`: kept with its quote, shown for review, never dropped).
 */
export type AnchorStatus = 'exact' | 'moved' | 'fuzzy' | 'orphaned';

export interface Highlight {
  id: string;
  briefId: string;
  anchor: TextAnchor;
  role: HighlightRole;
  /** Plain text; empty when there is none. */
  comment: string;
  status: AnchorStatus;
  /** 1 for exact and moved, the match quality for fuzzy, 0 for orphaned. */
  score: number;
  /** Shared by the per-section parts of one selection that spanned sections; else null. */
  groupId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A stretch of one section's plain text, as the reader's selection gives it. */
export interface SectionRange {
  sectionId: string;
  start: number;
  end: number;
}

export const MAX_QUOTE_LENGTH = 20_000;
export const MAX_COMMENT_LENGTH = 10_000;
export const CONTEXT_LENGTH = 32;

export const highlightRoleSchema = z.enum(HIGHLIGHT_ROLES);

export const sectionRangeSchema = z
  .object({
    sectionId: z.string().min(1).max(128),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
  })
  .strict()
  .refine((range) => range.end > range.start, 'A highlight must end after it starts.')
  .refine(
    (range) => range.end - range.start <= MAX_QUOTE_LENGTH,
    `A highlight can cover at most ${MAX_QUOTE_LENGTH} characters of one section.`,
  );

export const textAnchorSchema = z
  .object({
    sectionId: z.string().min(1).max(128),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    exact: z.string().min(1).max(MAX_QUOTE_LENGTH),
    prefix: z.string().max(CONTEXT_LENGTH),
    suffix: z.string().max(CONTEXT_LENGTH),
    textHash: z.string().min(1).max(128),
  })
  .strict()
  .refine((anchor) => anchor.end > anchor.start, 'A highlight must end after it starts.');
