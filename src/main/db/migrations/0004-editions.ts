import type { Migration } from './Migration';

export const editions: Migration = {
  version: 4,
  name: 'editions: section lineage and carried-over highlights to review',
  up(db) {
    // briefs.edition_of (from the first schema) names the older edition a brief follows on from.
    db.exec(`
      ALTER TABLE briefs ADD COLUMN edition_adopted_at TEXT;
      CREATE INDEX briefs_by_edition_of ON briefs(edition_of);

      -- Each section of a newer edition, and the section of the older one it follows on from
      -- (null when it is new). Sections of the older edition named by no row were removed.
      CREATE TABLE section_lineage (
        brief_id            TEXT NOT NULL,
        section_id          TEXT NOT NULL,
        previous_section_id TEXT,
        change              TEXT NOT NULL CHECK (change IN ('same', 'changed', 'added')),
        PRIMARY KEY (brief_id, section_id),
        FOREIGN KEY (brief_id, section_id) REFERENCES sections(brief_id, id) ON DELETE CASCADE
      ) STRICT;

      -- A highlight carried into a newer edition that did not land exactly where it was: its
      -- anchor in the older edition (JSON of TextAnchor) and that section's heading, for review.
      CREATE TABLE highlight_moves (
        highlight_id     TEXT PRIMARY KEY REFERENCES highlights(id) ON DELETE CASCADE,
        brief_id         TEXT NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
        previous_anchor  TEXT NOT NULL,
        previous_heading TEXT NOT NULL,
        reviewed_at      TEXT
      ) STRICT;
      CREATE INDEX highlight_moves_by_brief ON highlight_moves(brief_id);
    `);
  },
};
