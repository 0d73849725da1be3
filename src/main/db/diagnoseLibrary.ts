import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { damageReported, isCorruptionError } from './checkLibraryFile';
import { LibraryBackups } from './LibraryBackups';
import { LATEST_SCHEMA_VERSION } from './migrations';

export interface LibraryCounts {
  briefs: number;
  /** Briefs a newer edition has replaced. */
  supersededEditions: number;
  sections: number;
  highlights: number;
  /** Highlights whose text was not found in the brief's current edition. */
  highlightsNotFound: number;
  notes: number;
}

export interface LibraryDiagnosis {
  library: string;
  healthy: boolean;
  /** Each problem in a sentence; empty when healthy. */
  problems: string[];
  schemaVersion: number | null;
  latestSchemaVersion: number;
  counts: LibraryCounts | null;
  fileBytes: number;
  walBytes: number;
  backups: {
    folder: string;
    count: number;
    newest: {
      path: string;
      reason: string;
      takenAt: string;
      bytes: number;
      passesCheck: boolean;
    } | null;
  };
}

/** The most damage lines reported: enough to see what is wrong, not a flood. */
const MAX_DAMAGE_LINES = 20;

/**
 * Checks a library file without changing it: SQLite's full integrity and foreign-key checks,
 * the schema version, what it holds and its backups. Works on a damaged library too.
 */
export function diagnoseLibrary(
  libraryPath: string,
  options: { nativeBinding?: string } = {},
): LibraryDiagnosis {
  const library = resolve(libraryPath);
  const backups = new LibraryBackups(library, options);
  const files = backups.files();
  const newest = files[0] ?? null;
  const diagnosis: LibraryDiagnosis = {
    library,
    healthy: false,
    problems: [],
    schemaVersion: null,
    latestSchemaVersion: LATEST_SCHEMA_VERSION,
    counts: null,
    fileBytes: sizeOf(library),
    walBytes: sizeOf(`${library}-wal`),
    backups: {
      folder: backups.folder,
      count: files.length,
      newest: newest && {
        path: newest.path,
        reason: newest.reason,
        takenAt: newest.takenAt.toISOString(),
        bytes: newest.bytes,
        passesCheck: backups.checkBackup(newest).ok,
      },
    },
  };
  if (!existsSync(library)) {
    diagnosis.problems.push(`There is no library at ${library}.`);
    return diagnosis;
  }
  let db: Database.Database;
  try {
    db = new Database(library, {
      fileMustExist: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    diagnosis.problems.push(`SQLite could not open the library: ${(error as Error).message}.`);
    return diagnosis;
  }
  try {
    db.pragma('busy_timeout = 5000');
    examine(db, diagnosis);
  } finally {
    db.close();
  }
  diagnosis.healthy = diagnosis.problems.length === 0;
  return diagnosis;
}

function examine(db: Database.Database, diagnosis: LibraryDiagnosis): void {
  const { problems } = diagnosis;
  try {
    diagnosis.schemaVersion = db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    problems.push(`SQLite could not read the library: ${(error as Error).message}.`);
    return;
  }
  const damage = damageFound(db, problems);
  for (const line of damage) problems.push(`The integrity check found damage: ${line}.`);
  const damaged = damage.length > 0;
  try {
    const broken = db.pragma('foreign_key_check') as { table: string; parent: string }[];
    const byLink = new Map<string, number>();
    for (const { table, parent } of broken) {
      const link = `${table} → ${parent}`;
      byLink.set(link, (byLink.get(link) ?? 0) + 1);
    }
    for (const [link, count] of byLink) {
      const [table, parent] = link.split(' → ');
      problems.push(
        `${count} ${count === 1 ? 'row' : 'rows'} in ${table} point to a missing row in ${parent}.`,
      );
    }
  } catch (error) {
    if (!(damaged && isCorruptionError(error))) {
      problems.push(`The foreign key check could not finish: ${(error as Error).message}.`);
    }
  }
  if (diagnosis.schemaVersion > LATEST_SCHEMA_VERSION) {
    problems.push(
      `The library was saved by a newer version of Briefmark (schema ${diagnosis.schemaVersion}; this version knows up to ${LATEST_SCHEMA_VERSION}).`,
    );
  }
  try {
    diagnosis.counts = countsOf(db);
  } catch (error) {
    // Damage already reported: the counts failing on it says nothing more.
    if (damaged && isCorruptionError(error)) return;
    const message = (error as Error).message;
    problems.push(
      /no such table/i.test(message)
        ? 'The file is a SQLite database but not a Briefmark library.'
        : `Briefmark could not count what the library holds: ${message}.`,
    );
  }
}

// integrity_check stops with SQLITE_CORRUPT where comparing an index with its table meets a
// damaged page; quick_check skips that comparison and may go on to list where the damage is.
function damageFound(db: Database.Database, problems: string[]): string[] {
  let stoppedAt: unknown;
  for (const pragma of ['integrity_check', 'quick_check']) {
    try {
      return damageReported(db.pragma(`${pragma}(${MAX_DAMAGE_LINES})`));
    } catch (error) {
      stoppedAt = error;
    }
  }
  const message = (stoppedAt as Error).message;
  if (isCorruptionError(stoppedAt)) return [`SQLite stopped at a damaged page (${message})`];
  problems.push(`The integrity check could not finish: ${message}.`);
  return [];
}

function countsOf(db: Database.Database): LibraryCounts {
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  const hasHighlights =
    db
      .prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'highlights'`)
      .pluck()
      .get() !== undefined;
  return {
    briefs: count('SELECT count(*) FROM briefs'),
    supersededEditions: count(
      'SELECT count(*) FROM briefs b WHERE EXISTS (SELECT 1 FROM briefs n WHERE n.edition_of = b.id)',
    ),
    sections: count('SELECT count(*) FROM sections'),
    // Highlights arrived with schema 3; an older library has none.
    highlights: hasHighlights
      ? count('SELECT count(*) FROM highlights WHERE deleted_at IS NULL')
      : 0,
    highlightsNotFound: hasHighlights
      ? count(`SELECT count(*) FROM highlights WHERE deleted_at IS NULL AND status = 'orphaned'`)
      : 0,
    notes: count('SELECT count(*) FROM notes'),
  };
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
