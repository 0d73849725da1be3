import type { Database } from 'better-sqlite3';
import type {
  EditionCarryOver,
  EditionRef,
  EditionReview,
  RemovedSection,
} from '../../shared/editions';
import type { AnchorStatus, Highlight } from '../../shared/highlights';
import { reanchorAll } from '../../shared/anchoring/reanchor';
import { appendNote } from '../editions/appendNote';
import { isEditionCandidate } from '../editions/isEditionCandidate';
import { matchSections } from '../editions/matchSections';
import type { BriefRepository, EditionIdentity } from '../db/repositories/BriefRepository';
import { EditionRepository } from '../db/repositories/EditionRepository';
import { HighlightRepository } from '../db/repositories/HighlightRepository';
import { NoteRepository } from '../db/repositories/NoteRepository';
import { ReadingPositionRepository } from '../db/repositories/ReadingPositionRepository';
import { ServiceError } from './ServiceError';

/**
 * Editions of a brief. Adopting an older edition moves everything the user wrote onto the newer
 * one in a single transaction: notes follow their sections, highlights keep their ids (so
 * exported block ids and links still work) and are re-anchored in the new text, and what did
 * not land exactly is kept for review with its old context. The older edition stays in the
 * library, with its original file, but leaves the list.
 */
export class EditionBook {
  private readonly editions: EditionRepository;
  private readonly highlights: HighlightRepository;
  private readonly notes: NoteRepository;
  private readonly positions: ReadingPositionRepository;

  constructor(
    private readonly db: Database,
    private readonly briefs: BriefRepository,
    private readonly now: () => Date,
  ) {
    this.editions = new EditionRepository(db);
    this.highlights = new HighlightRepository(db);
    this.notes = new NoteRepository(db);
    this.positions = new ReadingPositionRepository(db);
  }

  /** A brief in the list that the given one looks like a newer edition of, if any. */
  candidateFor(briefId: string): EditionRef | null {
    const all = this.briefs.latestEditions();
    const brief = all.find((entry) => entry.id === briefId);
    if (!brief) return null;
    const match = all.find((other) => other.id !== briefId && isEditionCandidate(brief, other));
    return match ? refOf(match) : null;
  }

  adopt(briefId: string, previousBriefId: string): EditionCarryOver {
    return this.db.transaction(() => this.adoptNow(briefId, previousBriefId)).immediate();
  }

  private adoptNow(briefId: string, previousBriefId: string): EditionCarryOver {
    const brief = this.requireBrief(briefId);
    const previous = this.requireBrief(previousBriefId);
    if (briefId === previousBriefId) {
      throw new ServiceError('invalid_request', 'A brief cannot be a new edition of itself.');
    }
    const newerOfPrevious = this.briefs.newerEditionOf(previousBriefId);
    if (newerOfPrevious !== undefined) {
      const newer = this.requireBrief(newerOfPrevious);
      throw new ServiceError(
        'invalid_request',
        `“${previous.title}” already has a newer edition, “${newer.title}”; carry its annotations over from that one instead.`,
      );
    }
    if (this.briefs.newerEditionOf(briefId) !== undefined) {
      throw new ServiceError(
        'invalid_request',
        `“${brief.title}” has been replaced by a newer edition itself, so it cannot take over another one.`,
      );
    }
    const already = this.briefs.previousEditionOf(briefId);
    if (already !== undefined) {
      throw new ServiceError(
        'invalid_request',
        `“${brief.title}” already follows on from another edition, “${this.requireBrief(already.id).title}”.`,
      );
    }

    const at = this.now().toISOString();
    const oldSections = this.briefs.sectionTexts(previousBriefId);
    const newSections = this.briefs.sectionTexts(briefId);
    const lineage = matchSections(oldSections, newSections);
    const newIdFor = new Map(
      lineage.flatMap((match) =>
        match.previousSectionId === null ? [] : [[match.previousSectionId, match.sectionId]],
      ),
    );
    const oldHeading = new Map(oldSections.map((section) => [section.id, section.heading]));

    // Highlights: re-anchored from the section they follow on from; a highlight whose section
    // is gone is looked for across the whole brief (an id no section has).
    const carried = this.highlights.listForBrief(previousBriefId);
    const results = reanchorAll(
      carried.map((highlight) => ({
        ...highlight.anchor,
        sectionId: newIdFor.get(highlight.anchor.sectionId) ?? '',
      })),
      newSections,
    );
    const counts: Record<AnchorStatus, number> = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 };
    carried.forEach((highlight, index) => {
      const result = results[index]!;
      counts[result.status] += 1;
      const anchor = result.status === 'orphaned' ? highlight.anchor : result.anchor;
      const moved: Highlight = {
        ...highlight,
        briefId,
        anchor,
        status: result.status,
        score: result.score,
        updatedAt: at,
      };
      this.highlights.moveTo(moved);
      if (result.status === 'exact') this.editions.clearMove(highlight.id);
      else {
        const heading = oldHeading.get(highlight.anchor.sectionId) ?? '';
        this.editions.recordMove(highlight.id, briefId, highlight.anchor, heading);
      }
    });

    // Notes: each follows its section; one whose section is gone joins the brief note under a
    // heading that names the section, so none is lost.
    const notes = { followed: 0, toBriefNote: 0 };
    const newNotes = new Map(
      this.notes.listForBrief(briefId).map((note) => [note.sectionId, note.doc]),
    );
    // In the older edition's outline order, the brief note first, so moved notes read in order.
    const ordinal = new Map(oldSections.map((section, index) => [section.id, index]));
    const order = (sectionId: string | null) =>
      sectionId === null ? -1 : (ordinal.get(sectionId) ?? oldSections.length);
    const oldNotes = this.notes
      .listForBrief(previousBriefId)
      .sort((a, b) => order(a.sectionId) - order(b.sectionId));
    for (const note of oldNotes) {
      const target = note.sectionId === null ? null : newIdFor.get(note.sectionId);
      if (target !== undefined) {
        newNotes.set(target, appendNote(newNotes.get(target), note.doc));
        if (note.sectionId !== null) notes.followed += 1;
      } else {
        const heading = `From “${oldHeading.get(note.sectionId!) ?? note.sectionId}” (not in this edition)`;
        newNotes.set(null, appendNote(newNotes.get(null), note.doc, heading));
        notes.toBriefNote += 1;
      }
    }
    for (const [sectionId, doc] of newNotes) {
      this.notes.save(briefId, sectionId, doc, at);
    }
    this.notes.deleteForBrief(previousBriefId);

    // The reading position follows its section, unless the newer edition has been read already.
    const position = this.positions.get(previousBriefId);
    const positionSection = position ? newIdFor.get(position.sectionId) : undefined;
    if (position && positionSection && !this.positions.get(briefId)) {
      this.positions.save(briefId, { ...position, sectionId: positionSection }, at);
    }

    this.editions.saveLineage(briefId, lineage);
    this.briefs.setPreviousEdition(briefId, previousBriefId, at);
    const removed = removedSections(oldSections, lineage).length;
    return {
      briefId,
      previous: refOf(previous),
      highlights: counts,
      notes,
      sections: {
        added: lineage.filter((match) => match.change === 'added').length,
        changed: lineage.filter((match) => match.change === 'changed').length,
        removed,
      },
    };
  }

  review(briefId: string): EditionReview | null {
    this.requireBrief(briefId);
    const link = this.briefs.previousEditionOf(briefId);
    if (link === undefined) return null;
    const previous = this.requireBrief(link.id);
    const lineage = this.editions.lineage(briefId);
    return {
      previous: refOf(previous),
      adoptedAt: link.adoptedAt,
      changedSections: lineage.flatMap((match) =>
        match.change === 'same'
          ? []
          : [
              {
                sectionId: match.sectionId,
                change: match.change,
                previousSectionId: match.previousSectionId,
              },
            ],
      ),
      removedSections: removedSections(this.briefs.sectionTexts(link.id), lineage),
      highlights: this.editions.moves(briefId),
    };
  }

  markReviewed(highlightId: string): { reviewedAt: string } {
    const reviewedAt = this.editions.markReviewed(highlightId, this.now().toISOString());
    if (reviewedAt === undefined || reviewedAt === null) {
      throw new ServiceError(
        'not_found',
        `No highlight with id “${highlightId}” was carried over from an earlier edition.`,
      );
    }
    return { reviewedAt };
  }

  private requireBrief(briefId: string): EditionIdentity {
    const brief = this.briefs.identity(briefId);
    if (!brief) {
      throw new ServiceError('not_found', `No brief with id “${briefId}” is in the library.`);
    }
    return brief;
  }
}

function refOf({ id, title, sourceName, importedAt }: EditionRef): EditionRef {
  return { id, title, sourceName, importedAt };
}

function removedSections(
  oldSections: readonly { id: string; heading: string; path: string }[],
  lineage: readonly { previousSectionId: string | null }[],
): RemovedSection[] {
  const followed = new Set(lineage.map((match) => match.previousSectionId));
  return oldSections
    .filter((section) => !followed.has(section.id))
    .map(({ id, heading, path }) => ({ sectionId: id, heading, path }));
}
