import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Database } from 'better-sqlite3';
import type {
  AnnotationRestore,
  ExportedFile,
  ImportedBrief,
  LinkDestination,
  MarkdownExport,
} from '../../shared/api';
import type { BriefmarkHighlightLink } from '../../shared/briefmarkLink';
import type { Highlight } from '../../shared/highlights';
import type {
  Brief,
  BriefDocument,
  BriefMeta,
  BriefSummary,
  NoteDoc,
  SectionNote,
} from '../../shared/model';
import {
  exportOptionsFrom,
  withExportOptions,
  type ExportOptions,
} from '../../shared/exportOptions';
import { readerSettingsFrom, type ReaderSettings } from '../../shared/reader/readerSettings';
import type { ReadingPosition } from '../../shared/reader/readingPosition';
import type { LibraryBackups } from '../db/LibraryBackups';
import { AppStateRepository } from '../db/repositories/AppStateRepository';
import { scheduleDailyBackups, type DailyBackupSchedule } from '../db/scheduleDailyBackups';
import { readOnlyLibraryNotice } from '../db/storageFailure';
import { BriefRepository } from '../db/repositories/BriefRepository';
import { NoteRepository } from '../db/repositories/NoteRepository';
import { ReadingPositionRepository } from '../db/repositories/ReadingPositionRepository';
import { AnnotationRestorer } from './AnnotationRestorer';
import { LinkResolver } from './LinkResolver';
import { EditionBook } from './EditionBook';
import { HighlightBook } from './HighlightBook';
import { exportBriefMarkdown } from '../export/exportBriefMarkdown';
import { exportSectionMarkdown } from '../export/exportSectionMarkdown';
import { exportFolderNames } from '../export/exportFolderNames';
import { markdownFileName } from '../export/markdownFileName';
import { webAnnotationSidecar } from '../export/webAnnotationSidecar';
import { sidecarFileName } from '../export/webAnnotationVocabulary';
import { ImportError } from '../import/ImportError';
import { importBriefFile } from '../import/importBriefFile';
import type { ImportOptions } from '../import/ImportOptions';
import type { RunImport } from '../import/worker/createWorkerImporter';
import { sectionPlainText } from '../import/sectionPlainText';
import { withoutUnsafeLinks } from '../../shared/notes/withoutUnsafeLinks';
import { ServiceError } from './ServiceError';

export interface LibraryOptions {
  /** The sample brief imported on the library's first launch. */
  sampleBriefPath: string;
  /** Parses a file into a brief; in-process by default, a worker thread in the app. */
  runImport?: RunImport;
  /** Injectable clock so tests can pin timestamps. */
  now?: () => Date;
  /** The library file's backups; given, the daily backup is scheduled while the library is open. */
  backups?: LibraryBackups;
  /** How long after opening the daily backup is first considered. */
  dailyBackupDelayMs?: number;
}

const SAMPLE_OFFERED_KEY = 'sample_offered';
const READER_SETTINGS_KEY = 'reader_settings';
const EXPORT_OPTIONS_KEY = 'export_options';

/** The user's library: briefs, their notes and exports. Plain Node; knows nothing of Electron. */
export class Library {
  private readonly briefs: BriefRepository;
  private readonly notes: NoteRepository;
  private readonly appState: AppStateRepository;
  private readonly positions: ReadingPositionRepository;
  /** Highlights: created, changed, deleted and restored through this. */
  readonly highlights: HighlightBook;
  /** Editions: carrying annotations over to a newer edition, and what to review after. */
  readonly editions: EditionBook;
  /** Backups of the library file; null for a library that is not in a file. */
  readonly backups: LibraryBackups | null;
  private readonly dailyBackups: DailyBackupSchedule | null;
  private readonly now: () => Date;
  private readonly runImport: RunImport;

  constructor(
    private readonly db: Database,
    private readonly options: LibraryOptions,
  ) {
    this.briefs = new BriefRepository(db);
    this.notes = new NoteRepository(db);
    this.appState = new AppStateRepository(db);
    this.positions = new ReadingPositionRepository(db);
    this.now = options.now ?? (() => new Date());
    this.highlights = new HighlightBook(db, this.briefs, this.now);
    this.editions = new EditionBook(db, this.briefs, this.now);
    this.runImport = options.runImport ?? importBriefFile;
    this.backups = options.backups ?? null;
    // Scheduled rather than taken here: opening never waits for a copy of the whole library.
    this.dailyBackups = this.backups
      ? scheduleDailyBackups(db, this.backups, { firstDelayMs: options.dailyBackupDelayMs })
      : null;
  }

  /** On the library's first launch imports the sample brief and returns it for opening. */
  async welcome(): Promise<{ openBriefId: string | null; readOnlyNotice: string | null }> {
    // A read-only library is shown as it is: no sample brief, and a notice for as long as it is open.
    if (this.db.readonly) {
      return { openBriefId: null, readOnlyNotice: readOnlyLibraryNotice(this.db.name) };
    }
    if (this.appState.get(SAMPLE_OFFERED_KEY)) return { openBriefId: null, readOnlyNotice: null };
    const fileName = basename(this.options.sampleBriefPath);
    const bytes = readFileSync(this.options.sampleBriefPath);
    const document = await this.runImport(fileName, bytes, {});
    // Re-checked inside one transaction: two windows may welcome the user at the same moment.
    const openBriefId = this.db
      .transaction((): string | null => {
        if (this.appState.get(SAMPLE_OFFERED_KEY)) return null;
        this.appState.set(SAMPLE_OFFERED_KEY, this.now().toISOString());
        if (this.briefs.list().length > 0) return null;
        return this.store(fileName, bytes, document);
      })
      .immediate();
    return { openBriefId, readOnlyNotice: null };
  }

  listBriefs(): BriefSummary[] {
    return this.briefs.list();
  }

  getBrief(briefId: string): Brief {
    const brief = this.briefs.get(briefId);
    if (!brief) throw notFound(briefId);
    return brief;
  }

  markOpened(briefId: string): { lastOpenedAt: string } {
    const lastOpenedAt = this.now().toISOString();
    if (!this.briefs.markOpened(briefId, lastOpenedAt)) throw notFound(briefId);
    return { lastOpenedAt };
  }

  /** Stores the details the user edited; blank optional fields become empty (null). */
  updateMeta(briefId: string, meta: BriefMeta): Brief {
    const blankToNull = (value: string | null) => (value && value.trim() ? value.trim() : null);
    const cleaned: BriefMeta = {
      ...meta,
      title: meta.title.trim(),
      subtitle: blankToNull(meta.subtitle),
      organisation: blankToNull(meta.organisation),
      reference: blankToNull(meta.reference),
      documentType: blankToNull(meta.documentType),
      authors: meta.authors.map((author) => author.trim()).filter(Boolean),
      tags: [...new Set(meta.tags.map((tag) => tag.trim()).filter(Boolean))],
    };
    if (!this.briefs.updateMeta(briefId, cleaned)) throw notFound(briefId);
    return this.getBrief(briefId);
  }

  /**
   * Imports one file as a new brief, stored in one transaction. The same file imported twice
   * returns the brief already in the library instead of a duplicate.
   */
  async importFile(
    fileName: string,
    bytes: Uint8Array,
    options: ImportOptions = {},
  ): Promise<ImportedBrief> {
    let existingId = this.briefs.findIdByContentHash(contentHashOf(bytes));
    // An older edition's file opens the edition that replaced it, where its annotations are.
    for (let newer = existingId; newer !== undefined; newer = this.briefs.newerEditionOf(newer)) {
      existingId = newer;
    }
    if (existingId) {
      return {
        ...outlineOf(this.getBrief(existingId)),
        alreadyInLibrary: true,
        editionCandidate: null,
      };
    }

    let document: BriefDocument;
    try {
      document = await this.runImport(fileName, bytes, options);
    } catch (error) {
      if (error instanceof ImportError) throw new ServiceError(error.code, error.message);
      throw new ServiceError(
        'import_failed',
        `“${fileName}” could not be imported: ${(error as Error).message}`,
      );
    }
    const id = this.store(fileName, bytes, document);
    return {
      ...outlineOf(this.getBrief(id)),
      alreadyInLibrary: false,
      editionCandidate: this.editions.candidateFor(id),
    };
  }

  private store(fileName: string, bytes: Uint8Array, document: BriefDocument): string {
    const id = randomUUID();
    this.briefs.insert({
      id,
      document,
      sourceName: fileName,
      contentHash: contentHashOf(bytes),
      original: bytes,
      importedAt: this.now().toISOString(),
      plainText: sectionPlainText,
    });
    return id;
  }

  listNotes(briefId: string): SectionNote[] {
    this.getBrief(briefId);
    return this.notes.listForBrief(briefId);
  }

  /** Returns only after the note is committed to disk. */
  saveNote(briefId: string, sectionId: string | null, doc: NoteDoc): { updatedAt: string } {
    if (doc.type !== 'doc') {
      throw new ServiceError('invalid_request', 'A note must be a document (type "doc").');
    }
    if (!this.briefs.get(briefId)) throw notFound(briefId);
    if (sectionId !== null && !this.briefs.hasSection(briefId, sectionId)) {
      throw new ServiceError('not_found', `The brief has no section with id “${sectionId}”.`);
    }
    const updatedAt = this.now().toISOString();
    this.notes.save(briefId, sectionId, withoutUnsafeLinks(doc), updatedAt);
    return { updatedAt };
  }

  readingPosition(briefId: string): ReadingPosition | null {
    if (!this.briefs.get(briefId)) throw notFound(briefId);
    return this.positions.get(briefId);
  }

  saveReadingPosition(briefId: string, position: ReadingPosition): { savedAt: string } {
    if (!this.briefs.get(briefId)) throw notFound(briefId);
    if (!this.briefs.hasSection(briefId, position.sectionId)) {
      throw new ServiceError(
        'not_found',
        `The brief has no section with id “${position.sectionId}”.`,
      );
    }
    const savedAt = this.now().toISOString();
    this.positions.save(briefId, position, savedAt);
    return { savedAt };
  }

  readerSettings(): ReaderSettings {
    const stored = this.appState.get(READER_SETTINGS_KEY);
    if (stored === undefined) return readerSettingsFrom(undefined);
    try {
      return readerSettingsFrom(JSON.parse(stored));
    } catch {
      return readerSettingsFrom(undefined);
    }
  }

  saveReaderSettings(settings: ReaderSettings): ReaderSettings {
    this.appState.set(READER_SETTINGS_KEY, JSON.stringify(settings));
    return this.readerSettings();
  }

  /** The export choices last made, the defaults before any; a damaged field is its default. */
  exportOptions(): ExportOptions {
    const stored = this.appState.get(EXPORT_OPTIONS_KEY);
    if (stored === undefined) return exportOptionsFrom(undefined);
    try {
      return exportOptionsFrom(JSON.parse(stored));
    } catch {
      return exportOptionsFrom(undefined);
    }
  }

  /**
   * The brief as Markdown, with the export choices last made. Choices given here change those
   * for this and later exports; the ones not given stay as they were.
   */
  exportMarkdown(briefId: string, change?: Partial<ExportOptions>): MarkdownExport {
    const options = withExportOptions(this.exportOptions(), change);
    const result = this.exportMarkdownWith(briefId, options);
    // Remembered only once the export worked: a refused one leaves the choices as they were.
    // A read-only library exports all the same; the choices are just not remembered.
    if (change !== undefined && !this.db.readonly) {
      this.appState.set(EXPORT_OPTIONS_KEY, JSON.stringify(options));
    }
    return result;
  }

  /** The brief as Markdown with exactly these choices; nothing is remembered. */
  exportMarkdownWith(briefId: string, options: ExportOptions): MarkdownExport {
    const brief = this.getBrief(briefId);
    const highlights = this.highlights.list(briefId);
    const markdown = exportBriefMarkdown(
      brief,
      {
        notes: this.notes.listForBrief(briefId),
        highlights,
        roleLabels: Object.fromEntries(
          Object.entries(this.readerSettings().roles).map(([role, { label }]) => [role, label]),
        ),
        previousHeadings: this.previousHeadings(briefId, highlights),
      },
      { ...options, exportedAt: this.now() },
    );
    return { fileName: markdownFileName(brief.title), markdown };
  }

  /** One section's highlights and note as Markdown, for the clipboard. */
  exportSectionMarkdown(briefId: string, sectionId: string | null): { markdown: string } {
    const brief = this.getBrief(briefId);
    const highlights = this.highlights.list(briefId);
    const markdown = exportSectionMarkdown(
      brief,
      {
        notes: this.notes.listForBrief(briefId),
        highlights,
        roleLabels: Object.fromEntries(
          Object.entries(this.readerSettings().roles).map(([role, { label }]) => [role, label]),
        ),
      },
      sectionId,
    );
    if (markdown === null) {
      throw new ServiceError(
        'not_found',
        `The brief “${brief.title}” has no section “${sectionId}”; reopen the brief and try again.`,
      );
    }
    return { markdown };
  }

  /** The files of an export into one folder; options given are remembered. */
  exportFiles(
    briefIds: string[] | null,
    change?: Partial<ExportOptions>,
  ): { files: ExportedFile[] } {
    const options = withExportOptions(this.exportOptions(), change);
    const result = this.exportFilesWith(briefIds, options);
    // As with exportMarkdown: remembered only once the export worked, and not in a read-only library.
    if (change !== undefined && !this.db.readonly) {
      this.appState.set(EXPORT_OPTIONS_KEY, JSON.stringify(options));
    }
    return result;
  }

  /**
   * The files exporting these briefs (null: every brief in the list, in its order) into one
   * folder writes, with exactly these choices: each brief's Markdown, then its sidecar when
   * asked for. Nothing is remembered.
   */
  exportFilesWith(briefIds: string[] | null, options: ExportOptions): { files: ExportedFile[] } {
    const listed = this.briefs.list();
    const briefs = [...new Set(briefIds ?? listed.map(({ id }) => id))].map((id) =>
      this.getBrief(id),
    );
    const names = exportFolderNames(listed, briefs);
    const files = briefs.flatMap((brief): ExportedFile[] => {
      const fileName = names.get(brief.id)!;
      const markdown: ExportedFile = {
        fileName,
        text: this.exportMarkdownWith(brief.id, options).markdown,
        mediaType: 'text/markdown',
        briefId: brief.id,
      };
      if (!options.sidecar) return [markdown];
      const sidecar: ExportedFile = {
        fileName: sidecarFileName(fileName),
        text: this.sidecarOf(brief),
        mediaType: 'application/ld+json',
        briefId: brief.id,
      };
      return [markdown, sidecar];
    });
    return { files };
  }

  /** Restores a sidecar's highlights and notes into the brief it was exported from. */
  restoreAnnotations(fileName: string, bytes: Uint8Array): AnnotationRestore {
    return new AnnotationRestorer(this.db, this.briefs, this.now).restore(fileName, bytes);
  }

  /** Where a `briefmark://` highlight link leads now; see LinkResolver. */
  resolveLink(link: BriefmarkHighlightLink): LinkDestination {
    return new LinkResolver(this.db, this.briefs).resolve(link);
  }

  // The brief's annotations as W3C Web Annotation JSON-LD.
  private sidecarOf(brief: Brief): string {
    const highlights = this.highlights.list(brief.id);
    return webAnnotationSidecar(
      {
        brief,
        highlights,
        notes: this.notes.listForBrief(brief.id),
        roleLabels: Object.fromEntries(
          Object.entries(this.readerSettings().roles).map(([role, { label }]) => [role, label]),
        ),
        previousHeadings: this.previousHeadings(brief.id, highlights),
        contentHash: this.briefs.contentHash(brief.id) ?? '',
      },
      this.now(),
    );
  }

  // Where a highlight not found in this edition was: its section in the edition it came from.
  private previousHeadings(briefId: string, highlights: Highlight[]): Map<string, string> {
    if (!highlights.some((highlight) => highlight.status === 'orphaned')) return new Map();
    const moves = this.editions.review(briefId)?.highlights ?? [];
    return new Map(
      moves
        .filter((move) => move.previousHeading.trim() !== '')
        .map((move) => [move.highlightId, move.previousHeading]),
    );
  }

  close(): void {
    this.dailyBackups?.stop();
    if (this.db.open) this.db.close();
  }
}

function contentHashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function notFound(briefId: string): ServiceError {
  return new ServiceError('not_found', `No brief with id “${briefId}” is in the library.`);
}

function outlineOf(brief: Brief): Pick<ImportedBrief, 'id' | 'title' | 'sections'> {
  return {
    id: brief.id,
    title: brief.title,
    sections: brief.sections.map(({ id, level, heading }) => ({ id, level, heading })),
  };
}
