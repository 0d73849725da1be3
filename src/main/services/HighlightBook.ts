import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { createTextAnchor } from '../../shared/anchoring/createTextAnchor';
import type { Highlight, HighlightRole, SectionRange } from '../../shared/highlights';
import type { BriefRepository } from '../db/repositories/BriefRepository';
import { HighlightRepository } from '../db/repositories/HighlightRepository';
import { ServiceError } from './ServiceError';

export interface HighlightChange {
  role?: HighlightRole;
  comment?: string;
}

/**
 * The highlights of the library. Anchors are built here from the stored section text, never
 * taken from the caller, so a quote always matches the text it claims to quote.
 */
export class HighlightBook {
  private readonly highlights: HighlightRepository;

  constructor(
    private readonly db: Database,
    private readonly briefs: BriefRepository,
    private readonly now: () => Date,
  ) {
    this.highlights = new HighlightRepository(db);
  }

  list(briefId: string): Highlight[] {
    this.requireBrief(briefId);
    return this.highlights.listForBrief(briefId);
  }

  /**
   * Highlights a selection: one highlight per section it covers, linked by a group id when
   * there are several. All or nothing, in one transaction.
   */
  create(
    briefId: string,
    ranges: readonly SectionRange[],
    role: HighlightRole,
    comment: string,
  ): Highlight[] {
    this.requireBrief(briefId);
    if (ranges.length === 0) {
      throw new ServiceError('invalid_request', 'A highlight needs some selected text.');
    }
    const at = this.now().toISOString();
    const groupId = ranges.length > 1 ? randomUUID() : null;
    const created = ranges.map((range): Highlight => {
      const text = this.briefs.sectionText(briefId, range.sectionId);
      if (text === undefined) {
        throw new ServiceError(
          'not_found',
          `The brief has no section with id “${range.sectionId}”.`,
        );
      }
      if (range.end > text.length || range.start >= range.end) {
        throw new ServiceError(
          'invalid_request',
          `The selection (${range.start}–${range.end}) is outside the section's text.`,
        );
      }
      return {
        id: randomUUID(),
        briefId,
        anchor: createTextAnchor(range.sectionId, text, range.start, range.end),
        role,
        comment,
        status: 'exact',
        score: 1,
        groupId,
        createdAt: at,
        updatedAt: at,
      };
    });
    this.db.transaction(() => created.forEach((highlight) => this.highlights.insert(highlight)))();
    return created;
  }

  /** Changes the colour role or comment of a highlight and of the rest of its selection. */
  update(highlightId: string, change: HighlightChange): Highlight[] {
    const highlight = this.requireHighlight(highlightId);
    const at = this.now().toISOString();
    const updated = this.highlights.withGroup(highlight).map((part) => ({
      ...part,
      role: change.role ?? part.role,
      comment: change.comment ?? part.comment,
      updatedAt: at,
    }));
    this.db.transaction(() => updated.forEach((part) => this.highlights.update(part)))();
    return updated;
  }

  /** Deletes a highlight with the rest of its selection; `restore` undoes it. */
  delete(highlightId: string): Highlight[] {
    const parts = this.highlights.withGroup(this.requireHighlight(highlightId));
    const at = this.now().toISOString();
    this.db.transaction(() =>
      parts.forEach((part) => this.highlights.markDeletedAt(part.id, at)),
    )();
    return parts;
  }

  restore(highlightId: string): Highlight[] {
    const deleted = this.highlights.get(highlightId, true);
    if (!deleted) {
      throw new ServiceError('not_found', 'There is no deleted highlight to restore.');
    }
    const parts = this.highlights.withGroup(deleted, true);
    this.db.transaction(() =>
      parts.forEach((part) => this.highlights.markDeletedAt(part.id, null)),
    )();
    return parts;
  }

  private requireBrief(briefId: string): void {
    if (!this.briefs.exists(briefId)) {
      throw new ServiceError('not_found', `No brief with id “${briefId}” is in the library.`);
    }
  }

  private requireHighlight(highlightId: string): Highlight {
    const highlight = this.highlights.get(highlightId);
    if (!highlight) {
      throw new ServiceError('not_found', `No highlight with id “${highlightId}” exists.`);
    }
    return highlight;
  }
}
