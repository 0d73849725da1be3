import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ImportError, type ImportErrorCode } from '../../src/main/import/ImportError';
import { importBriefFile } from '../../src/main/import/importBriefFile';
import type { Library } from '../../src/main/services/Library';
import { openLibrary } from '../../src/main/services/openLibrary';
import { ServiceError } from '../../src/main/services/ServiceError';
import type { BriefDocument } from '../../src/shared/model';
import type { CaseOutcome } from './caseMessages';
import type { FuzzCase } from './fuzzCases';
import { fingerprintDifference, libraryFingerprint } from './libraryFingerprint';

const sampleBriefPath = join(import.meta.dirname, '..', '..', 'resources', 'sample-brief.txt');

/** What the library made of one case. */
export type LibraryVerdict =
  | { kind: 'stored' }
  | { kind: 'already-in-library' }
  | { kind: 'refused'; code: string; message: string };

export interface ImportFuzzLibraryOptions {
  /**
   * A new library file after this many stored briefs, or bytes stored (files and their sections
   * as JSON), keeps fingerprints quick.
   */
  briefsPerLibrary: number;
  bytesPerLibrary: number;
  /** Every n-th failed import is checked with a full fingerprint (1: every one). */
  fingerprintEvery: number;
}

/** A problem the library checks found, with the case that caused it. */
export interface LibraryProblem {
  label: string;
  fileName: string;
  size: number;
  message: string;
}

/** The library side of a fuzz run. */
export interface LibraryFigures {
  stored: number;
  alreadyInLibrary: number;
  refused: number;
  /** Library files used (a new one every few stored briefs keeps each fingerprint quick). */
  libraries: number;
  /** Failed imports checked with a full fingerprint of the file before and after. */
  fingerprinted: number;
  /** Briefs read back after their library was closed and opened again. */
  reopenedBriefs: number;
  /** A failed import that left any table, the schema or user_version different. */
  changedByFailedImport: LibraryProblem[];
  /** A stored brief that does not read back as imported, or a library that would not reopen. */
  brokenBriefs: LibraryProblem[];
  /** A refusal that was not an import error the app can show (a code and a sentence). */
  unexpectedErrors: LibraryProblem[];
  /** `PRAGMA integrity_check` results other than "ok". */
  integrityProblems: string[];
}

const IMPORT_CODES = new Set<string>([
  'unsupported_format',
  'import_failed',
  'too_large',
  'no_text_layer',
  'encrypted',
  'damaged',
  'cancelled',
] satisfies ImportErrorCode[]);

/** The sections as the database should give them back, as JSON (the fields in its order). */
function storedForm(document: BriefDocument): string {
  return JSON.stringify(
    document.sections.map((s) => ({
      id: s.id,
      level: s.level,
      heading: s.heading,
      path: s.path,
      parentId: s.parentId,
      blocks: s.blocks,
    })),
  );
}

/**
 * Puts every fuzz case through the real import path, Library.importFile on a real library file,
 * with the worker's outcome replayed as the importer's answer (the parse itself ran in a fuzz
 * worker under the app's time limits). Checks that a refused import leaves the file exactly as
 * it was, and that an accepted one is a whole brief that reads back after reopening. Cases are
 * handled one at a time, so no other import can change the file between the two fingerprints.
 */
export class ImportFuzzLibrary {
  readonly figures: LibraryFigures = {
    stored: 0,
    alreadyInLibrary: 0,
    refused: 0,
    libraries: 0,
    fingerprinted: 0,
    reopenedBriefs: 0,
    changedByFailedImport: [],
    brokenBriefs: [],
    unexpectedErrors: [],
    integrityProblems: [],
  };
  private library!: Library;
  private reader!: Database.Database;
  private dbPath = '';
  /** Briefs stored in the current library file, with their expected sections. */
  private briefs: { id: string; label: string; sections: string }[] = [];
  private storedBytes = 0;
  private failures = 0;
  private replay: CaseOutcome | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly folder: string,
    private readonly options: ImportFuzzLibraryOptions,
  ) {}

  static async open(folder: string, options: ImportFuzzLibraryOptions): Promise<ImportFuzzLibrary> {
    const library = new ImportFuzzLibrary(folder, options);
    await library.startLibrary();
    return library;
  }

  /** Imports one case through the library and checks what it did to the file. */
  import(fuzzCase: FuzzCase, outcome: CaseOutcome): Promise<LibraryVerdict> {
    const next = this.queue.then(() => this.importNow(fuzzCase, outcome));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Reopens and checks the last library file, then closes it. */
  async close(): Promise<LibraryFigures> {
    await this.queue;
    this.finishLibrary();
    return this.figures;
  }

  private async startLibrary(): Promise<void> {
    const dir = mkdtempSync(join(this.folder, `library-${this.figures.libraries + 1}-`));
    this.dbPath = join(dir, 'library.sqlite3');
    this.library = this.openLibrary();
    // The sample brief: the library is never empty, as a user's is not.
    await this.library.welcome();
    this.reader = new Database(this.dbPath, { readonly: true });
    this.briefs = [];
    this.storedBytes = 0;
    this.figures.libraries++;
  }

  private openLibrary(): Library {
    return openLibrary({
      dbPath: this.dbPath,
      sampleBriefPath,
      runImport: async (fileName, bytes, options) => {
        const outcome = this.replay;
        this.replay = null;
        if (!outcome) return importBriefFile(fileName, bytes, options);
        if (outcome.kind === 'imported') return outcome.document;
        if (outcome.kind === 'refused') {
          throw new ImportError(outcome.code as ImportErrorCode, outcome.message);
        }
        if (outcome.kind === 'hung') throw new ImportError('import_failed', outcome.message);
        throw new Error(outcome.message);
      },
    });
  }

  private dataVersion(): number {
    return this.reader.pragma('data_version', { simple: true }) as number;
  }

  private finishLibrary(): void {
    const integrity = this.reader.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') this.figures.integrityProblems.push(`${this.dbPath}: ${integrity}`);
    this.reader.close();
    this.library.close();
    // Reopening runs the start-up check and migrations again, as the next launch would.
    let reopened: Library;
    try {
      reopened = this.openLibrary();
    } catch (error) {
      this.figures.brokenBriefs.push({
        label: 'reopening the library',
        fileName: this.dbPath,
        size: 0,
        message: (error as Error).message,
      });
      return;
    }
    try {
      for (const brief of this.briefs) {
        if (JSON.stringify(reopened.getBrief(brief.id).sections) !== brief.sections) {
          this.figures.brokenBriefs.push({
            label: brief.label,
            fileName: this.dbPath,
            size: 0,
            message: 'does not read back as imported after the library was reopened',
          });
        }
        this.figures.reopenedBriefs++;
      }
    } finally {
      reopened.close();
    }
  }

  private async importNow(fuzzCase: FuzzCase, outcome: CaseOutcome): Promise<LibraryVerdict> {
    const problem = (message: string): LibraryProblem => ({
      label: fuzzCase.label,
      fileName: fuzzCase.fileName,
      size: fuzzCase.bytes.length,
      message,
    });
    // Any commit by the library's connection changes the reader's data_version: an exact check
    // that nothing was written, cheap enough for every case. Some failed imports also get a full
    // fingerprint before and after, which names what changed and checks the cheap check.
    const version = this.dataVersion();
    const full =
      outcome.kind !== 'imported' && this.failures++ % this.options.fingerprintEvery === 0;
    const before = full ? libraryFingerprint(this.reader) : null;
    this.replay = outcome;
    let imported: Awaited<ReturnType<Library['importFile']>>;
    try {
      imported = await this.library.importFile(fuzzCase.fileName, fuzzCase.bytes);
    } catch (error) {
      this.figures.refused++;
      const difference = before
        ? fingerprintDifference(before, libraryFingerprint(this.reader))
        : '';
      if (before) this.figures.fingerprinted++;
      if (difference !== '' || this.dataVersion() !== version) {
        this.figures.changedByFailedImport.push(
          problem(`changed: ${difference || 'a write was committed'}`),
        );
      }
      if (!(error instanceof ServiceError) || !IMPORT_CODES.has(error.code)) {
        this.figures.unexpectedErrors.push(
          problem(error instanceof Error ? `${error.name}: ${error.message}` : String(error)),
        );
        return { kind: 'refused', code: 'unexpected', message: String(error) };
      }
      return { kind: 'refused', code: error.code, message: error.message };
    } finally {
      this.replay = null;
    }
    if (imported.alreadyInLibrary) {
      // Same bytes as a brief already stored: nothing may be written.
      this.figures.alreadyInLibrary++;
      if (this.dataVersion() !== version) {
        this.figures.changedByFailedImport.push(problem('re-import committed a write'));
      }
      return { kind: 'already-in-library' };
    }
    this.figures.stored++;
    // Read back section by section when this library file is closed and opened again.
    const expected = outcome.kind === 'imported' ? storedForm(outcome.document) : '';
    if (
      imported.sections.length !==
      (outcome.kind === 'imported' ? outcome.document.sections.length : -1)
    ) {
      this.figures.brokenBriefs.push(problem('stored brief has a different outline'));
    }
    if (!this.library.listBriefs().some((b) => b.id === imported.id)) {
      this.figures.brokenBriefs.push(problem('stored brief is not in the list of briefs'));
    }
    this.briefs.push({ id: imported.id, label: fuzzCase.label, sections: expected });
    this.storedBytes += fuzzCase.bytes.length + expected.length;
    if (
      this.briefs.length >= this.options.briefsPerLibrary ||
      this.storedBytes >= this.options.bytesPerLibrary
    ) {
      this.finishLibrary();
      await this.startLibrary();
    }
    return { kind: 'stored' };
  }
}
