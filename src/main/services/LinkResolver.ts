import type { Database } from 'better-sqlite3';
import type { LinkDestination } from '../../shared/api';
import type { BriefmarkHighlightLink } from '../../shared/briefmarkLink';
import type { BriefRepository } from '../db/repositories/BriefRepository';
import { EditionRepository } from '../db/repositories/EditionRepository';
import { HighlightRepository } from '../db/repositories/HighlightRepository';
import { ServiceError } from './ServiceError';

/**
 * Follows a `briefmark://` highlight link to where it leads in this library now. A highlight
 * keeps its id when a sidecar is restored into another library and when it is carried to a new
 * edition, but a brief imported again gets a new id: so the highlight's id is looked up first,
 * and the link's brief (or, in another library, the brief the deleted highlight was in) only
 * when the highlight is gone. Reads only.
 */
export class LinkResolver {
  private readonly highlights: HighlightRepository;
  private readonly editions: EditionRepository;

  constructor(
    db: Database,
    private readonly briefs: BriefRepository,
  ) {
    this.highlights = new HighlightRepository(db);
    this.editions = new EditionRepository(db);
  }

  resolve(link: BriefmarkHighlightLink): LinkDestination {
    const live = this.highlights.get(link.highlightId);
    if (live) {
      const { briefId, anchor } = live;
      if (live.status !== 'orphaned') {
        return { briefId, sectionId: anchor.sectionId, highlightId: live.id, note: null };
      }
      // Kept after a new edition left its passage out: the section it was in, if still there.
      const sectionId = this.briefs.hasSection(briefId, anchor.sectionId) ? anchor.sectionId : null;
      return {
        briefId,
        sectionId,
        highlightId: null,
        note:
          sectionId === null
            ? 'The passage of that highlight is not in this edition of the brief.'
            : 'The passage of that highlight is not in this edition of the brief; this is the section it was in.',
      };
    }

    const deleted = this.highlights.get(link.highlightId, true);
    const place = this.briefs.exists(link.briefId)
      ? this.newestEdition(link.briefId, link.sectionId)
      : deleted
        ? this.newestEdition(deleted.briefId, deleted.anchor.sectionId)
        : null;
    if (place === null) {
      throw new ServiceError(
        'not_found',
        'That link goes to a brief that is not in this library. Import the brief and restore its annotations (the .annotations.json file of the export) to follow links into it.',
      );
    }
    return {
      ...place,
      highlightId: null,
      note:
        place.sectionId === null
          ? 'That highlight is no longer in the brief, and neither is the section it was in.'
          : 'That highlight is no longer in the brief; this is the section it was in.',
    };
  }

  /**
   * The newest edition of a brief, and the section there that follows on from `sectionId`
   * (null when a new edition dropped it, or the brief never had it).
   */
  private newestEdition(
    briefId: string,
    sectionId: string,
  ): { briefId: string; sectionId: string | null } {
    let current = briefId;
    let section: string | null = this.briefs.hasSection(briefId, sectionId) ? sectionId : null;
    for (let newer = this.briefs.newerEditionOf(current); newer !== undefined;) {
      const from = section;
      section =
        from === null
          ? null
          : (this.editions.lineage(newer).find((match) => match.previousSectionId === from)
              ?.sectionId ?? null);
      current = newer;
      newer = this.briefs.newerEditionOf(newer);
    }
    return { briefId: current, sectionId: section };
  }
}
