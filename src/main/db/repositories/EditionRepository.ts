import type { Database, Statement } from 'better-sqlite3';
import type { HighlightMove } from '../../../shared/editions';
import type { TextAnchor } from '../../../shared/highlights';
import type { SectionMatch } from '../../editions/matchSections';

interface MoveRow {
  highlight_id: string;
  status: HighlightMove['status'];
  score: number;
  previous_anchor: string;
  previous_heading: string;
  reviewed_at: string | null;
}

/** How the sections of a newer edition follow on from the older one, and highlights to review. */
export class EditionRepository {
  private readonly insertLineage: Statement<[string, string, string | null, string]>;
  private readonly selectLineage: Statement<[string], SectionMatch>;
  private readonly upsertMove: Statement<[string, string, string, string]>;
  private readonly deleteMove: Statement<[string]>;
  private readonly selectMoves: Statement<[string], MoveRow>;
  private readonly updateReviewed: Statement<[string, string]>;
  private readonly selectReviewed: Statement<[string], { reviewed_at: string | null }>;

  constructor(db: Database) {
    this.insertLineage = db.prepare(`
      INSERT INTO section_lineage (brief_id, section_id, previous_section_id, change)
      VALUES (?, ?, ?, ?)`);
    this.selectLineage = db.prepare(`
      SELECT l.section_id AS sectionId, l.previous_section_id AS previousSectionId, l.change
      FROM section_lineage l JOIN sections s ON s.brief_id = l.brief_id AND s.id = l.section_id
      WHERE l.brief_id = ? ORDER BY s.ordinal`);
    this.upsertMove = db.prepare(`
      INSERT INTO highlight_moves (highlight_id, brief_id, previous_anchor, previous_heading)
      VALUES (?, ?, ?, ?)
      ON CONFLICT (highlight_id) DO UPDATE SET brief_id = excluded.brief_id,
        previous_anchor = excluded.previous_anchor,
        previous_heading = excluded.previous_heading, reviewed_at = NULL`);
    this.deleteMove = db.prepare(`DELETE FROM highlight_moves WHERE highlight_id = ?`);
    // Deleted highlights leave the review with them; undo brings them back.
    this.selectMoves = db.prepare(`
      SELECT m.highlight_id, h.status, h.score, m.previous_anchor, m.previous_heading,
        m.reviewed_at
      FROM highlight_moves m JOIN highlights h ON h.id = m.highlight_id
      LEFT JOIN sections s ON s.brief_id = h.brief_id AND s.id = h.section_id
      WHERE m.brief_id = ? AND h.brief_id = m.brief_id AND h.deleted_at IS NULL
        AND h.status <> 'exact'
      ORDER BY h.status = 'orphaned', s.ordinal, h.start_offset, h.id`);
    this.updateReviewed = db.prepare(
      `UPDATE highlight_moves SET reviewed_at = coalesce(reviewed_at, ?) WHERE highlight_id = ?`,
    );
    this.selectReviewed = db.prepare(
      `SELECT reviewed_at FROM highlight_moves WHERE highlight_id = ?`,
    );
  }

  saveLineage(briefId: string, matches: readonly SectionMatch[]): void {
    for (const match of matches) {
      this.insertLineage.run(briefId, match.sectionId, match.previousSectionId, match.change);
    }
  }

  lineage(briefId: string): SectionMatch[] {
    return this.selectLineage.all(briefId);
  }

  /** Records where a carried-over highlight was; a later edition's move replaces it. */
  recordMove(highlightId: string, briefId: string, previous: TextAnchor, heading: string): void {
    this.upsertMove.run(highlightId, briefId, JSON.stringify(previous), heading);
  }

  /** The highlight landed exactly where it was: nothing to review. */
  clearMove(highlightId: string): void {
    this.deleteMove.run(highlightId);
  }

  moves(briefId: string): HighlightMove[] {
    return this.selectMoves.all(briefId).map((row) => ({
      highlightId: row.highlight_id,
      status: row.status,
      score: row.score,
      previous: JSON.parse(row.previous_anchor) as TextAnchor,
      previousHeading: row.previous_heading,
      reviewedAt: row.reviewed_at,
    }));
  }

  /** The time it was first marked reviewed, or undefined when it was never carried over. */
  markReviewed(highlightId: string, at: string): string | null | undefined {
    this.updateReviewed.run(at, highlightId);
    return this.selectReviewed.get(highlightId)?.reviewed_at;
  }
}
