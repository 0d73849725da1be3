import type { Database, Statement } from 'better-sqlite3';
import type { AnchorStatus, Highlight, HighlightRole } from '../../../shared/highlights';

interface HighlightRow {
  id: string;
  brief_id: string;
  section_id: string;
  start_offset: number;
  end_offset: number;
  exact: string;
  prefix: string;
  suffix: string;
  text_hash: string;
  role: string;
  comment: string;
  status: string;
  score: number;
  group_id: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS = `id, brief_id, section_id, start_offset, end_offset, exact, prefix, suffix,
  text_hash, role, comment, status, score, group_id, created_at, updated_at`;

function toHighlight(row: HighlightRow): Highlight {
  return {
    id: row.id,
    briefId: row.brief_id,
    anchor: {
      sectionId: row.section_id,
      start: row.start_offset,
      end: row.end_offset,
      exact: row.exact,
      prefix: row.prefix,
      suffix: row.suffix,
      textHash: row.text_hash,
    },
    role: row.role as HighlightRole,
    comment: row.comment,
    status: row.status as AnchorStatus,
    score: row.score,
    groupId: row.group_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRow(highlight: Highlight): HighlightRow {
  const { anchor } = highlight;
  return {
    id: highlight.id,
    brief_id: highlight.briefId,
    section_id: anchor.sectionId,
    start_offset: anchor.start,
    end_offset: anchor.end,
    exact: anchor.exact,
    prefix: anchor.prefix,
    suffix: anchor.suffix,
    text_hash: anchor.textHash,
    role: highlight.role,
    comment: highlight.comment,
    status: highlight.status,
    score: highlight.score,
    group_id: highlight.groupId,
    created_at: highlight.createdAt,
    updated_at: highlight.updatedAt,
  };
}

/** Highlights of briefs, in text order within each section. */
export class HighlightRepository {
  private readonly selectByBrief: Statement<[string], HighlightRow>;
  private readonly selectById: Statement<[string, number], HighlightRow>;
  private readonly selectGroup: Statement<[string, number], HighlightRow>;
  private readonly insertRow: Statement<[HighlightRow]>;
  private readonly updateRow: Statement<[HighlightRow]>;
  private readonly markDeleted: Statement<[string | null, string]>;
  private readonly moveRow: Statement<[HighlightRow]>;

  constructor(db: Database) {
    this.selectByBrief = db.prepare(
      `SELECT ${COLUMNS} FROM highlights WHERE brief_id = ? AND deleted_at IS NULL
       ORDER BY section_id, start_offset, id`,
    );
    this.selectById = db.prepare(
      `SELECT ${COLUMNS} FROM highlights WHERE id = ? AND (deleted_at IS NULL) = ?`,
    );
    this.selectGroup = db.prepare(
      `SELECT ${COLUMNS} FROM highlights WHERE group_id = ? AND (deleted_at IS NULL) = ?
       ORDER BY created_at, id`,
    );
    this.insertRow = db.prepare(`
      INSERT INTO highlights (${COLUMNS}) VALUES (@id, @brief_id, @section_id, @start_offset,
        @end_offset, @exact, @prefix, @suffix, @text_hash, @role, @comment, @status, @score,
        @group_id, @created_at, @updated_at)`);
    this.updateRow = db.prepare(`
      UPDATE highlights SET section_id = @section_id, start_offset = @start_offset,
        end_offset = @end_offset, exact = @exact, prefix = @prefix, suffix = @suffix,
        text_hash = @text_hash, role = @role, comment = @comment, status = @status,
        score = @score, group_id = @group_id, updated_at = @updated_at
      WHERE id = @id AND brief_id = @brief_id`);
    this.markDeleted = db.prepare(`UPDATE highlights SET deleted_at = ? WHERE id = ?`);
    this.moveRow = db.prepare(`
      UPDATE highlights SET brief_id = @brief_id, section_id = @section_id,
        start_offset = @start_offset, end_offset = @end_offset, exact = @exact, prefix = @prefix,
        suffix = @suffix, text_hash = @text_hash, status = @status, score = @score,
        updated_at = @updated_at
      WHERE id = @id`);
  }

  listForBrief(briefId: string): Highlight[] {
    return this.selectByBrief.all(briefId).map(toHighlight);
  }

  /** A live highlight, or with `deleted` one that was deleted (and may be restored). */
  get(id: string, deleted = false): Highlight | null {
    const row = this.selectById.get(id, deleted ? 0 : 1);
    return row ? toHighlight(row) : null;
  }

  /** The highlight and the other parts of its selection (live, or deleted), or just itself. */
  withGroup(highlight: Highlight, deleted = false): Highlight[] {
    if (highlight.groupId === null) return [highlight];
    return this.selectGroup.all(highlight.groupId, deleted ? 0 : 1).map(toHighlight);
  }

  insert(highlight: Highlight): void {
    this.insertRow.run(toRow(highlight));
  }

  update(highlight: Highlight): void {
    this.updateRow.run(toRow(highlight));
  }

  /** Moves a highlight to another brief (a newer edition) with its new anchor and status. */
  moveTo(highlight: Highlight): void {
    this.moveRow.run(toRow(highlight));
  }

  markDeletedAt(id: string, deletedAt: string | null): void {
    this.markDeleted.run(deletedAt, id);
  }
}
