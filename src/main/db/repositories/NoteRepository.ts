import type { Database, Statement } from 'better-sqlite3';
import type { NoteDoc, SectionNote } from '../../../shared/model';

interface NoteRow {
  brief_id: string;
  section_id: string;
  doc: string;
  updated_at: string;
}

/** The brief-wide note is stored under this section id. */
const BRIEF_NOTE_KEY = '';

function toNote(row: NoteRow): SectionNote {
  return {
    briefId: row.brief_id,
    sectionId: row.section_id === BRIEF_NOTE_KEY ? null : row.section_id,
    doc: JSON.parse(row.doc) as NoteDoc,
    updatedAt: row.updated_at,
  };
}

export class NoteRepository {
  private readonly selectByBrief: Statement<[string], NoteRow>;
  private readonly upsert: Statement;
  private readonly deleteByBrief: Statement<[string]>;

  constructor(db: Database) {
    this.selectByBrief = db.prepare(
      `SELECT brief_id, section_id, doc, updated_at FROM notes WHERE brief_id = ?`,
    );
    this.upsert = db.prepare(`
      INSERT INTO notes (brief_id, section_id, doc, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (brief_id, section_id) DO UPDATE SET doc = excluded.doc, updated_at = excluded.updated_at`);
    this.deleteByBrief = db.prepare(`DELETE FROM notes WHERE brief_id = ?`);
  }

  listForBrief(briefId: string): SectionNote[] {
    return this.selectByBrief.all(briefId).map(toNote);
  }

  /** Removes a brief's notes, once a newer edition has taken them over in the same transaction. */
  deleteForBrief(briefId: string): void {
    this.deleteByBrief.run(briefId);
  }

  /** Committed (and fsynced, with synchronous=FULL) when this returns. */
  save(briefId: string, sectionId: string | null, doc: NoteDoc, updatedAt: string): void {
    this.upsert.run(briefId, sectionId ?? BRIEF_NOTE_KEY, JSON.stringify(doc), updatedAt);
  }
}
