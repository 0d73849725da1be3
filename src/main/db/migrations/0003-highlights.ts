import type { Migration } from './Migration';

export const highlights: Migration = {
  version: 3,
  name: 'highlights with their text anchors',
  up(db) {
    // section_id is not a foreign key: an orphaned highlight keeps the section it came from,
    // even once a new edition of the brief no longer has it.
    db.exec(`
      CREATE TABLE highlights (
        id           TEXT PRIMARY KEY,
        brief_id     TEXT NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
        section_id   TEXT NOT NULL,
        start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
        end_offset   INTEGER NOT NULL CHECK (end_offset > start_offset),
        exact        TEXT NOT NULL,
        prefix       TEXT NOT NULL,
        suffix       TEXT NOT NULL,
        text_hash    TEXT NOT NULL,
        role         TEXT NOT NULL,
        comment      TEXT NOT NULL DEFAULT '',
        status       TEXT NOT NULL CHECK (status IN ('exact', 'moved', 'fuzzy', 'orphaned')),
        score        REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
        group_id     TEXT,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        -- Set by delete and cleared by undo; deleted rows are kept so undo needs no resend.
        deleted_at   TEXT
      ) STRICT;
      CREATE INDEX highlights_in_text_order ON highlights (brief_id, section_id, start_offset);
    `);
  },
};
