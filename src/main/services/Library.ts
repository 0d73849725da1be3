import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ImportedBrief, MarkdownExport } from '../../shared/api';
import type { Brief, BriefSummary, NoteDoc, SectionNote } from '../../shared/model';
import { AppStateRepository } from '../db/repositories/AppStateRepository';
import { BriefRepository } from '../db/repositories/BriefRepository';
import { NoteRepository } from '../db/repositories/NoteRepository';
import { exportBriefMarkdown } from '../export/exportBriefMarkdown';
import { markdownFileName } from '../export/markdownFileName';
import { ImportError } from '../import/ImportError';
import { importBriefFile } from '../import/importBriefFile';
import { sectionPlainText } from '../import/sectionPlainText';
import { ServiceError } from './ServiceError';

export interface LibraryOptions {
  /** The sample brief imported on the library's first launch. */
  sampleBriefPath: string;
  /** Injectable clock so tests can pin timestamps. */
  now?: () => Date;
}

const SAMPLE_OFFERED_KEY = 'sample_offered';

/** The user's library: briefs, their notes and exports. Plain Node; knows nothing of Electron. */
export class Library {
  private readonly briefs: BriefRepository;
  private readonly notes: NoteRepository;
  private readonly appState: AppStateRepository;
  private readonly now: () => Date;

  constructor(
    private readonly db: Database,
    private readonly options: LibraryOptions,
  ) {
    this.briefs = new BriefRepository(db);
    this.notes = new NoteRepository(db);
    this.appState = new AppStateRepository(db);
    this.now = options.now ?? (() => new Date());
  }

  /** On the library's first launch imports the sample brief and returns it for opening. */
  welcome(): { openBriefId: string | null } {
    if (this.appState.get(SAMPLE_OFFERED_KEY)) return { openBriefId: null };
    const openBriefId = this.db
      .transaction(() => {
        this.appState.set(SAMPLE_OFFERED_KEY, this.now().toISOString());
        if (this.briefs.list().length > 0) return null;
        const bytes = readFileSync(this.options.sampleBriefPath);
        return this.importFile(basename(this.options.sampleBriefPath), bytes).id;
      })
      .immediate();
    return { openBriefId };
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

  /**
   * Imports one file as a new brief, in one transaction. The same file imported twice
   * returns the brief already in the library instead of a duplicate.
   */
  importFile(fileName: string, bytes: Uint8Array): ImportedBrief {
    const contentHash = createHash('sha256').update(bytes).digest('hex');
    const existingId = this.briefs.findIdByContentHash(contentHash);
    if (existingId) return { ...outlineOf(this.getBrief(existingId)), alreadyInLibrary: true };

    let document;
    try {
      document = importBriefFile(fileName, bytes);
    } catch (error) {
      if (error instanceof ImportError) throw new ServiceError(error.code, error.message);
      throw new ServiceError(
        'import_failed',
        `“${fileName}” could not be imported: ${(error as Error).message}`,
      );
    }
    const id = randomUUID();
    this.briefs.insert({
      id,
      document,
      sourceName: fileName,
      contentHash,
      original: bytes,
      importedAt: this.now().toISOString(),
      plainText: sectionPlainText,
    });
    return { ...outlineOf(this.getBrief(id)), alreadyInLibrary: false };
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
    this.notes.save(briefId, sectionId, doc, updatedAt);
    return { updatedAt };
  }

  exportMarkdown(briefId: string): MarkdownExport {
    const brief = this.getBrief(briefId);
    const markdown = exportBriefMarkdown(brief, this.notes.listForBrief(briefId), {
      exportedAt: this.now(),
    });
    return { fileName: markdownFileName(brief.title), markdown };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function notFound(briefId: string): ServiceError {
  return new ServiceError('not_found', `No brief with id “${briefId}” is in the library.`);
}

function outlineOf(brief: Brief): Omit<ImportedBrief, 'alreadyInLibrary'> {
  return {
    id: brief.id,
    title: brief.title,
    sections: brief.sections.map(({ id, level, heading }) => ({ id, level, heading })),
  };
}
