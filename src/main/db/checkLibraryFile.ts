import Database from 'better-sqlite3';

export interface LibraryFileCheck {
  /** True when SQLite found no damage and the file is a Briefmark library. */
  ok: boolean;
  /** What is wrong, in sentences; empty when ok. */
  problems: string[];
  /** The file's `user_version`, or null when it could not be read. */
  schemaVersion: number | null;
}

export interface CheckLibraryFileOptions {
  /** `quick_check` skips index-content checks and is several times faster; restore uses `full`. */
  depth: 'quick' | 'full';
  nativeBinding?: string;
}

/** The most damage lines SQLite is asked for: enough to say what is wrong, not a flood. */
const MAX_DAMAGE_LINES = 20;

/** Opens a library file read-only and checks it is undamaged and a Briefmark library. */
export function checkLibraryFile(path: string, options: CheckLibraryFileOptions): LibraryFileCheck {
  let db: Database.Database;
  try {
    db = new Database(path, {
      readonly: true,
      fileMustExist: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    return failed(`it could not be opened (${(error as Error).message}).`, null);
  }
  let schemaVersion: number | null = null;
  try {
    schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const pragma = options.depth === 'full' ? 'integrity_check' : 'quick_check';
    const damage = damageReported(db.pragma(`${pragma}(${MAX_DAMAGE_LINES})`));
    if (damage.length > 0)
      return failed(`SQLite found damage: ${damage.join('; ')}.`, schemaVersion);
    const hasBriefs = db
      .prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'briefs'`)
      .pluck()
      .get();
    if (schemaVersion < 1 || hasBriefs === undefined) {
      return failed('it is a SQLite database but not a Briefmark library.', schemaVersion);
    }
    return { ok: true, problems: [], schemaVersion };
  } catch (error) {
    const message = (error as Error).message;
    if (/not a database/i.test(message)) {
      return failed('it is not a SQLite database.', schemaVersion);
    }
    if (isCorruptionError(error)) {
      return failed(`SQLite found damage: ${message}.`, schemaVersion);
    }
    return failed(`SQLite could not read it (${message}).`, schemaVersion);
  } finally {
    db.close();
  }
}

/**
 * The lines of a `quick_check`/`integrity_check` result other than the single "ok", without the
 * "*** in database main ***" headings SQLite puts before them.
 */
export function damageReported(rows: unknown): string[] {
  const lines = (rows as Record<string, string>[])
    .flatMap((row) => String(Object.values(row)[0]).split('\n'))
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^\*\*\* in database/.test(line));
  return lines.length === 1 && lines[0] === 'ok' ? [] : lines;
}

/**
 * SQLite stops a check (or any read) with SQLITE_CORRUPT at a table page it cannot parse rather
 * than listing it; that is damage found too.
 */
export function isCorruptionError(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  return code?.startsWith('SQLITE_CORRUPT') === true || /malformed/i.test(message ?? '');
}

function failed(problem: string, schemaVersion: number | null): LibraryFileCheck {
  return { ok: false, problems: [problem], schemaVersion };
}
