import type { Database, Statement } from 'better-sqlite3';
import type {
  Block,
  Brief,
  BriefDocument,
  BriefFormat,
  BriefMeta,
  BriefSummary,
  Section,
} from '../../../shared/model';
import type { EditionRef } from '../../../shared/editions';

interface BriefRow {
  id: string;
  title: string;
  subtitle: string | null;
  organisation: string | null;
  reference: string | null;
  published: string | null;
  document_type: string | null;
  language: string | null;
  authors: string;
  tags: string;
  source_name: string;
  format: string;
  imported_at: string;
  last_opened_at: string | null;
  section_count: number;
  earlier_editions: number;
}

interface SectionRow {
  id: string;
  level: number;
  heading: string;
  path: string;
  parent_id: string | null;
  blocks: string;
}

export interface NewBrief {
  id: string;
  document: BriefDocument;
  sourceName: string;
  contentHash: string;
  original: Uint8Array;
  importedAt: string;
  /** Plain text per section id, for anchoring and search. */
  plainText: (section: Section) => string;
}

/** A section's place in the outline and its plain text, for anchoring and editions. */
export interface SectionTextRow {
  id: string;
  heading: string;
  /** The ordinal path, e.g. "2.3". */
  path: string;
  parentId: string | null;
  text: string;
}

/** What tells whether two briefs are editions of one another. */
export interface EditionIdentity extends EditionRef {
  reference: string | null;
}

const summaryColumns = `
  b.id, b.title, b.subtitle, b.organisation, b.reference, b.published, b.document_type, b.language,
  b.authors, b.tags, b.source_name, b.format, b.imported_at, b.last_opened_at,
  (SELECT count(*) FROM sections s WHERE s.brief_id = b.id) AS section_count,
  (WITH RECURSIVE chain(id) AS (
     SELECT b.edition_of WHERE b.edition_of IS NOT NULL
     UNION ALL
     SELECT older.edition_of FROM briefs older JOIN chain ON older.id = chain.id
     WHERE older.edition_of IS NOT NULL
   ) SELECT count(*) FROM chain) AS earlier_editions`;

function toSummary(row: BriefRow): BriefSummary {
  return {
    id: row.id,
    title: row.title,
    organisation: row.organisation,
    reference: row.reference,
    date: row.published,
    format: row.format as BriefFormat,
    sourceName: row.source_name,
    importedAt: row.imported_at,
    lastOpenedAt: row.last_opened_at,
    sectionCount: row.section_count,
    earlierEditions: row.earlier_editions,
  };
}

function toMeta(row: BriefRow): BriefMeta {
  return {
    title: row.title,
    subtitle: row.subtitle,
    organisation: row.organisation,
    reference: row.reference,
    date: row.published,
    documentType: row.document_type,
    language: row.language,
    authors: JSON.parse(row.authors) as string[],
    tags: JSON.parse(row.tags) as string[],
  };
}

/** The named parameters both the insert and the update bind for a brief's details. */
function metaParams(meta: BriefMeta) {
  return {
    title: meta.title,
    subtitle: meta.subtitle,
    organisation: meta.organisation,
    reference: meta.reference,
    published: meta.date,
    documentType: meta.documentType,
    language: meta.language,
    authors: JSON.stringify(meta.authors),
    tags: JSON.stringify(meta.tags),
  };
}

/** Briefs, their outline and their bodies. Statements are prepared once per connection. */
export class BriefRepository {
  private readonly insertBrief: Statement;
  private readonly insertSection: Statement;
  private readonly insertBody: Statement;
  private readonly selectSummaries: Statement<[], BriefRow>;
  private readonly selectBrief: Statement<[string], BriefRow>;
  private readonly selectSections: Statement<[string], SectionRow>;
  private readonly updateLastOpened: Statement;
  private readonly updateMetaStatement: Statement;
  private readonly selectIdByHash: Statement<[string], { id: string }>;
  private readonly selectHashById: Statement<[string], { content_hash: string }>;
  private readonly selectSectionExists: Statement<[string, string], { found: number }>;
  private readonly selectSectionText: Statement<[string, string], { plain_text: string }>;
  private readonly selectSectionTexts: Statement<[string], SectionTextRow>;
  private readonly selectLatestEditions: Statement<[], EditionIdentity>;
  private readonly selectIdentity: Statement<[string], EditionIdentity>;
  private readonly selectEditionOf: Statement<[string], { id: string; adoptedAt: string }>;
  private readonly selectNewerEdition: Statement<[string], { id: string }>;
  private readonly updateEditionOf: Statement<[string, string, string]>;

  constructor(private readonly db: Database) {
    this.insertBrief = db.prepare(`
      INSERT INTO briefs (id, title, subtitle, organisation, reference, published, document_type,
        language, authors, tags, source_name, format, content_hash, original, imported_at)
      VALUES (@id, @title, @subtitle, @organisation, @reference, @published, @documentType,
        @language, @authors, @tags, @sourceName, @format, @contentHash, @original, @importedAt)`);
    this.insertSection = db.prepare(`
      INSERT INTO sections (brief_id, id, ordinal, level, heading, path, parent_id)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.insertBody = db.prepare(`
      INSERT INTO section_bodies (brief_id, section_id, blocks, plain_text) VALUES (?, ?, ?, ?)`);
    this.selectSummaries = db.prepare(`
      SELECT ${summaryColumns} FROM briefs b
      WHERE NOT EXISTS (SELECT 1 FROM briefs newer WHERE newer.edition_of = b.id)
      ORDER BY coalesce(b.last_opened_at, b.imported_at) DESC, b.title`);
    this.selectBrief = db.prepare(`SELECT ${summaryColumns} FROM briefs b WHERE b.id = ?`);
    this.selectSections = db.prepare(`
      SELECT s.id, s.level, s.heading, s.path, s.parent_id, sb.blocks
      FROM sections s JOIN section_bodies sb ON sb.brief_id = s.brief_id AND sb.section_id = s.id
      WHERE s.brief_id = ? ORDER BY s.ordinal`);
    this.updateLastOpened = db.prepare(`UPDATE briefs SET last_opened_at = ? WHERE id = ?`);
    this.updateMetaStatement = db.prepare(`
      UPDATE briefs SET title = @title, subtitle = @subtitle, organisation = @organisation,
        reference = @reference, published = @published, document_type = @documentType,
        language = @language, authors = @authors, tags = @tags
      WHERE id = @id`);
    this.selectIdByHash = db.prepare(`SELECT id FROM briefs WHERE content_hash = ? LIMIT 1`);
    this.selectHashById = db.prepare(`SELECT content_hash FROM briefs WHERE id = ?`);
    this.selectSectionText = db.prepare(
      `SELECT plain_text FROM section_bodies WHERE brief_id = ? AND section_id = ?`,
    );
    this.selectSectionTexts = db.prepare(`
      SELECT s.id, s.heading, s.path, s.parent_id AS parentId, sb.plain_text AS text
      FROM sections s JOIN section_bodies sb ON sb.brief_id = s.brief_id AND sb.section_id = s.id
      WHERE s.brief_id = ? ORDER BY s.ordinal`);
    this.selectLatestEditions = db.prepare(`
      SELECT b.id, b.title, b.source_name AS sourceName, b.imported_at AS importedAt, b.reference
      FROM briefs b
      WHERE NOT EXISTS (SELECT 1 FROM briefs newer WHERE newer.edition_of = b.id)
      ORDER BY b.imported_at DESC`);
    this.selectIdentity = db.prepare(`
      SELECT id, title, source_name AS sourceName, imported_at AS importedAt, reference
      FROM briefs WHERE id = ?`);
    this.selectEditionOf = db.prepare(
      `SELECT edition_of AS id, edition_adopted_at AS adoptedAt FROM briefs
       WHERE id = ? AND edition_of IS NOT NULL`,
    );
    this.selectNewerEdition = db.prepare(`SELECT id FROM briefs WHERE edition_of = ? LIMIT 1`);
    this.updateEditionOf = db.prepare(
      `UPDATE briefs SET edition_of = ?, edition_adopted_at = ? WHERE id = ?`,
    );
    this.selectSectionExists = db.prepare(
      `SELECT 1 AS found FROM sections WHERE brief_id = ? AND id = ?`,
    );
  }

  /** Stores a whole brief in one transaction: either all of it is saved or none. */
  insert(brief: NewBrief): void {
    const { meta } = brief.document;
    this.db
      .transaction(() => {
        this.insertBrief.run({
          id: brief.id,
          ...metaParams(meta),
          sourceName: brief.sourceName,
          format: brief.document.format,
          contentHash: brief.contentHash,
          original: Buffer.from(brief.original),
          importedAt: brief.importedAt,
        });
        brief.document.sections.forEach((section, ordinal) => {
          this.insertSection.run(
            brief.id,
            section.id,
            ordinal,
            section.level,
            section.heading,
            section.path,
            section.parentId,
          );
          this.insertBody.run(
            brief.id,
            section.id,
            JSON.stringify(section.blocks),
            brief.plainText(section),
          );
        });
      })
      .immediate();
  }

  list(): BriefSummary[] {
    return this.selectSummaries.all().map(toSummary);
  }

  /** Cheaper than `get` when only existence matters: reads no sections. */
  exists(id: string): boolean {
    return this.selectBrief.get(id) !== undefined;
  }

  get(id: string): Brief | undefined {
    const row = this.selectBrief.get(id);
    if (!row) return undefined;
    const sections = this.selectSections.all(id).map((s): Section => ({
      id: s.id,
      level: s.level,
      heading: s.heading,
      path: s.path,
      parentId: s.parent_id,
      blocks: JSON.parse(s.blocks) as Block[],
    }));
    return { ...toSummary(row), meta: toMeta(row), sections };
  }

  /** Returns false when no brief has that id. */
  markOpened(id: string, at: string): boolean {
    return this.updateLastOpened.run(at, id).changes > 0;
  }

  /** Returns false when no brief has that id. */
  updateMeta(id: string, meta: BriefMeta): boolean {
    const result = this.updateMetaStatement.run({ id, ...metaParams(meta) });
    return result.changes > 0;
  }

  /** The section's plain text, in which highlights are anchored; undefined if there is none. */
  sectionText(briefId: string, sectionId: string): string | undefined {
    return this.selectSectionText.get(briefId, sectionId)?.plain_text;
  }

  /** Every section's heading, parent and plain text, in outline order. */
  sectionTexts(briefId: string): SectionTextRow[] {
    return this.selectSectionTexts.all(briefId);
  }

  /** What names a brief and tells its editions apart, without reading its sections. */
  identity(briefId: string): EditionIdentity | undefined {
    return this.selectIdentity.get(briefId);
  }

  /** Briefs that no newer edition has replaced, newest import first. */
  latestEditions(): EditionIdentity[] {
    return this.selectLatestEditions.all();
  }

  /** The older edition the brief follows on from, and when it did, if it does. */
  previousEditionOf(briefId: string): { id: string; adoptedAt: string } | undefined {
    return this.selectEditionOf.get(briefId);
  }

  /** The edition that replaced the brief, if any. */
  newerEditionOf(briefId: string): string | undefined {
    return this.selectNewerEdition.get(briefId)?.id;
  }

  setPreviousEdition(briefId: string, previousBriefId: string, adoptedAt: string): void {
    this.updateEditionOf.run(previousBriefId, adoptedAt, briefId);
  }

  hasSection(briefId: string, sectionId: string): boolean {
    return this.selectSectionExists.get(briefId, sectionId) !== undefined;
  }

  findIdByContentHash(hash: string): string | undefined {
    return this.selectIdByHash.get(hash)?.id;
  }

  /** SHA-256 (hex) of the brief's original file, which finds it again from an export. */
  contentHash(briefId: string): string | undefined {
    return this.selectHashById.get(briefId)?.content_hash;
  }
}
