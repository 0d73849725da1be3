import type { Database, Statement } from 'better-sqlite3';
import type { ReadingPosition } from '../../../shared/reader/readingPosition';

/** One reading position per brief, replaced on every save. */
export class ReadingPositionRepository {
  private readonly select: Statement<[string], { section_id: string; offset: number }>;
  private readonly upsert: Statement<[string, string, number, string]>;

  constructor(db: Database) {
    this.select = db.prepare(`SELECT section_id, offset FROM reading_positions WHERE brief_id = ?`);
    this.upsert = db.prepare(`
      INSERT INTO reading_positions (brief_id, section_id, offset, saved_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (brief_id) DO UPDATE SET
        section_id = excluded.section_id, offset = excluded.offset, saved_at = excluded.saved_at`);
  }

  get(briefId: string): ReadingPosition | null {
    const row = this.select.get(briefId);
    return row ? { sectionId: row.section_id, offset: row.offset } : null;
  }

  save(briefId: string, position: ReadingPosition, savedAt: string): void {
    this.upsert.run(briefId, position.sectionId, position.offset, savedAt);
  }
}
