import type { Migration } from './Migration';

export const initialSchema: Migration = {
  version: 1,
  name: 'initial schema: briefs, sections, section bodies, notes, app state',
  up(db) {
    db.exec(`
      CREATE TABLE briefs (
        id             TEXT PRIMARY KEY,
        title          TEXT NOT NULL,
        subtitle       TEXT,
        organisation   TEXT,
        reference      TEXT,
        published      TEXT,
        document_type  TEXT,
        language       TEXT,
        authors        TEXT NOT NULL DEFAULT '[]',
        tags           TEXT NOT NULL DEFAULT '[]',
        source_name    TEXT NOT NULL,
        format         TEXT NOT NULL,
        content_hash   TEXT NOT NULL,
        original       BLOB NOT NULL,
        imported_at    TEXT NOT NULL,
        last_opened_at TEXT,
        edition_of     TEXT REFERENCES briefs(id) ON DELETE SET NULL
      ) STRICT;

      CREATE TABLE sections (
        brief_id  TEXT NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
        id        TEXT NOT NULL,
        ordinal   INTEGER NOT NULL,
        level     INTEGER NOT NULL,
        heading   TEXT NOT NULL,
        path      TEXT NOT NULL,
        parent_id TEXT,
        PRIMARY KEY (brief_id, id),
        UNIQUE (brief_id, ordinal)
      ) STRICT;

      -- The document body: each section's blocks (JSON of the shared model) and its plain text,
      -- kept apart from the outline so listing sections never reads whole documents.
      CREATE TABLE section_bodies (
        brief_id   TEXT NOT NULL,
        section_id TEXT NOT NULL,
        blocks     TEXT NOT NULL,
        plain_text TEXT NOT NULL,
        PRIMARY KEY (brief_id, section_id),
        FOREIGN KEY (brief_id, section_id) REFERENCES sections(brief_id, id) ON DELETE CASCADE
      ) STRICT;

      -- section_id '' is the note on the whole brief. Notes are not tied to a section row by a
      -- foreign key, so a note outlives a section that a later edition renames or drops.
      CREATE TABLE notes (
        brief_id   TEXT NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
        section_id TEXT NOT NULL,
        doc        TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (brief_id, section_id)
      ) STRICT;

      CREATE TABLE app_state (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE INDEX briefs_by_last_opened ON briefs(last_opened_at DESC, imported_at DESC);
      CREATE INDEX briefs_by_content_hash ON briefs(content_hash);
    `);
  },
};
