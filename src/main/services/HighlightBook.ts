import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { createTextAnchor } from '../../shared/anchoring/createTextAnchor';
import { reanchorAll } from '../../shared/anchoring/reanchor';
import { sectionTextHash } from '../../shared/anchoring/sectionTextHash';
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

  /**
   * The brief's highlights, each checked against its section's current text first: one whose
   * text changed since it was anchored (its hash differs) is re-anchored, and the new anchor
   * and status are stored. Orphans stay as they are until the next edition is carried over.
   */
  list(briefId: string): Highlight[] {
    this.requireBrief(briefId);
    const highlights = this.highlights.listForBrief(briefId);
    const hashes = new Map<string, string | null>();
    const currentHash = (sectionId: string) => {
      if (!hashes.has(sectionId)) {
        const text = this.briefs.sectionText(briefId, sectionId);
        hashes.set(sectionId, text === undefined ? null : sectionTextHash(text));
      }
      return hashes.get(sectionId);
    };
    const stale = highlights.filter(
      (highlight) =>
        highlight.status !== 'orphaned' &&
        currentHash(highlight.anchor.sectionId) !== highlight.anchor.textHash,
    );
    if (stale.length === 0) return highlights;

    const results = reanchorAll(
      stale.map((highlight) => highlight.anchor),
      this.briefs.sectionTexts(briefId),
    );
    const at = this.now().toISOString();
    const refreshed = new Map(
      stale.map((highlight, index): [string, Highlight] => {
        const result = results[index]!;
        return [
          highlight.id,
          {
            ...highlight,
            anchor: result.status === 'orphaned' ? highlight.anchor : result.anchor,
            status: result.status,
            score: result.score,
            updatedAt: at,
          },
        ];
      }),
    );
    this.db.transaction(() =>
      refreshed.forEach((highlight) => this.highlights.update(highlight)),
    )();
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
