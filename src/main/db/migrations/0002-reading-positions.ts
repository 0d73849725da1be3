import type { Migration } from './Migration';

export const readingPositions: Migration = {
  version: 2,
  name: 'reading positions: where the reader was in each brief',
  up(db) {
    db.exec(`
      CREATE TABLE reading_positions (
        brief_id   TEXT PRIMARY KEY REFERENCES briefs(id) ON DELETE CASCADE,
        section_id TEXT NOT NULL,
        offset     REAL NOT NULL CHECK (offset BETWEEN 0 AND 1),
        saved_at   TEXT NOT NULL
      ) STRICT;
    `);
  },
};
