import type { BackupEntry, BackupListing, BackupRestore } from './backups';
import type { BriefmarkHighlightLink } from './briefmarkLink';
import type { Brief, BriefMeta, BriefSummary, NoteDoc, SectionNote } from './model';
import type { EditionCarryOver, EditionRef, EditionReview } from './editions';
import type { ExportOptions } from './exportOptions';
import type { Highlight, HighlightRole, SectionRange } from './highlights';
import type { ReaderSettings } from './reader/readerSettings';
import type { ReadingPosition } from './reader/readingPosition';

/** Error codes a caller can branch on; `message` is always a sentence for the user. */
export type ApiErrorCode =
  | 'invalid_request'
  | 'unknown_method'
  | 'not_found'
  | 'unsupported_format'
  | 'import_failed'
  | 'too_large'
  | 'no_text_layer'
  | 'encrypted'
  | 'damaged'
  | 'cancelled'
  /** The library could not be opened (it is damaged): only the backups methods answer. */
  | 'library_unavailable'
  | 'database_error'
  | 'disk_full'
  | 'library_read_only'
  | 'internal_error';

export interface ApiError {
  code: ApiErrorCode;
  message: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface ImportedBrief {
  id: string;
  title: string;
  sections: { id: string; level: number; heading: string }[];
  /** True when the same file was already in the library and nothing new was stored. */
  alreadyInLibrary: boolean;
  /**
   * A brief already in the library that this one looks like a new edition of (same reference,
   * or same title), for the UI to offer carrying its annotations over; null when none does.
   */
  editionCandidate: EditionRef | null;
}

/** How far a long import has got, e.g. 12 of 170 pages. */
export interface ImportProgress {
  done: number;
  total: number;
  unit: 'page' | 'part';
}

export interface MarkdownExport {
  fileName: string;
  markdown: string;
}

/** One file of an export, named to sit with the others in one folder. */
export interface ExportedFile {
  /** A bare file name, unique within the export, the same on every export of the brief. */
  fileName: string;
  text: string;
  mediaType: 'text/markdown' | 'application/ld+json';
  briefId: string;
}

/** What restoring a sidecar of W3C Web Annotations into a brief did. */
export interface AnnotationRestore {
  briefId: string;
  title: string;
  /** Highlights added back (found in the text, or kept as not found). */
  highlightsRestored: number;
  /** Of those restored, how many were not found in the text and wait for review. */
  highlightsNotFound: number;
  /** Highlights the brief already had (same id): left as they are. */
  highlightsAlreadyThere: number;
  /** Notes written into sections that had none. */
  notesRestored: number;
  /** Notes added below a different note the section already had. */
  notesMerged: number;
}

/**
 * Where a `briefmark://` link leads in this library now. `highlightId` is set when the highlight
 * can be shown in the text; otherwise `sectionId` is where it was (null when that section is
 * gone too) and `note` says, in a sentence, what could not be found.
 */
export interface LinkDestination {
  briefId: string;
  sectionId: string | null;
  highlightId: string | null;
  note: string | null;
}

/**
 * The whole API as one method table: request type in, response type out.
 * Both transports (Electron IPC and web mode) end in the same dispatch over this table.
 */
export interface BriefmarkApi {
  /** Imports and returns the sample brief on the library's first launch; later `null`. */
  /** `readOnlyNotice`: a sentence to show while the library is open read-only, else null. */
  'app.welcome': (request: Record<string, never>) => {
    openBriefId: string | null;
    readOnlyNotice: string | null;
  };
  'briefs.list': (request: Record<string, never>) => BriefSummary[];
  'briefs.get': (request: { briefId: string }) => Brief;
  /** Marks the brief as opened now (library order, "last opened"). */
  'briefs.markOpened': (request: { briefId: string }) => { lastOpenedAt: string };
  /** Replaces the brief's details (title, organisation, …) with what the user typed. */
  'briefs.updateMeta': (request: { briefId: string; meta: BriefMeta }) => Brief;
  /** `importId`, chosen by the caller, lets `imports.progress` and `imports.cancel` find it. */
  'briefs.import': (request: {
    fileName: string;
    dataBase64: string;
    importId?: string;
  }) => ImportedBrief;
  'imports.progress': (request: { importId: string }) => {
    running: boolean;
    progress: ImportProgress | null;
  };
  'imports.cancel': (request: { importId: string }) => { cancelled: boolean };
  'notes.list': (request: { briefId: string }) => SectionNote[];
  'notes.save': (request: { briefId: string; sectionId: string | null; doc: NoteDoc }) => {
    updatedAt: string;
  };
  /**
   * The brief, its notes and highlights as one Markdown file. Options given are remembered for
   * later exports (those not given keep their remembered value); without, the remembered ones.
   */
  'export.markdown': (request: {
    briefId: string;
    options?: Partial<ExportOptions>;
  }) => MarkdownExport;
  /** The export options last chosen; the defaults before any were. */
  'export.options': (request: Record<string, never>) => ExportOptions;
  /**
   * One section's highlights and note as Markdown for the clipboard: its heading, then what
   * the export would write under it (no front matter). `sectionId: null` is the brief note.
   */
  'export.section': (request: { briefId: string; sectionId: string | null }) => {
    markdown: string;
  };
  /**
   * The files exporting these briefs (`null`: every brief in the library) into one folder
   * writes: a Markdown file each, plus its sidecar when the options ask for one. Options given
   * are remembered, as with `export.markdown`.
   */
  'export.files': (request: { briefIds: string[] | null; options?: Partial<ExportOptions> }) => {
    files: ExportedFile[];
  };
  /**
   * Restores highlights and notes from a sidecar file (W3C Web Annotation JSON written by the
   * export) into the brief it was exported from, found by its source file. Nothing the brief
   * already has is replaced; restoring twice adds nothing the second time.
   */
  'annotations.restore': (request: { fileName: string; dataBase64: string }) => AnnotationRestore;
  /** Where the reader last was in the brief; `null` before it was ever scrolled. */
  'reading.position': (request: { briefId: string }) => ReadingPosition | null;
  'reading.savePosition': (request: { briefId: string; position: ReadingPosition }) => {
    savedAt: string;
  };
  /** The brief's highlights, in text order within each section. */
  'highlights.list': (request: { briefId: string }) => Highlight[];
  /** One highlight per section the selection covers, linked when there are several. */
  'highlights.create': (request: {
    briefId: string;
    ranges: SectionRange[];
    role: HighlightRole;
    comment?: string;
  }) => Highlight[];
  /** Changes a highlight (and the rest of its selection); returns every part changed. */
  'highlights.update': (request: {
    highlightId: string;
    role?: HighlightRole;
    comment?: string;
  }) => Highlight[];
  /** Deletes a highlight with the rest of its selection; returns them for undo. */
  'highlights.delete': (request: { highlightId: string }) => Highlight[];
  /** Undoes a delete. */
  'highlights.restore': (request: { highlightId: string }) => Highlight[];
  /**
   * Makes `briefId` the newer edition of `previousBriefId`: notes follow their sections, and
   * highlights move over and are re-anchored. The older edition stays in the library, hidden
   * from the list, with its original file.
   */
  'editions.adopt': (request: { briefId: string; previousBriefId: string }) => EditionCarryOver;
  /** What changed since the brief's previous edition, and the highlights to check. */
  'editions.review': (request: { briefId: string }) => EditionReview | null;
  /** Marks a carried-over highlight as checked, so it leaves the review list. */
  'editions.markReviewed': (request: { highlightId: string }) => { reviewedAt: string };
  /**
   * Follows a highlight link (the parts `parseBriefmarkHref` gives) to where it leads now: the
   * highlight by its id, in whichever brief holds it (ids survive a sidecar restored into
   * another library and a new edition; brief ids do not); else the link's brief, in its newest
   * edition, at the section if it is still there. `not_found` when neither is in the library.
   */
  'links.resolve': (request: BriefmarkHighlightLink) => LinkDestination;
  /** Theme, font size and line width, shared by every brief. */
  'settings.get': (request: Record<string, never>) => ReaderSettings;
  'settings.save': (request: { settings: ReaderSettings }) => ReaderSettings;
  /**
   * The library's backups, newest first, each checked; `problem` says why the library could not
   * be opened, when it could not. Answers while the library is unavailable, as do the other two.
   */
  'backups.list': (request: Record<string, never>) => BackupListing;
  /** A manual backup of the library, taken now. */
  'backups.create': (request: Record<string, never>) => BackupEntry;
  /**
   * Replaces the library with the backup of this name (from `backups.list`, never a path) after
   * saving the library as it is as a `before-restore` backup; the restored library is open after.
   */
  'backups.restore': (request: { fileName: string }) => BackupRestore;
}

export type ApiMethod = keyof BriefmarkApi;
export type ApiRequest<M extends ApiMethod> = Parameters<BriefmarkApi[M]>[0];
export type ApiResponse<M extends ApiMethod> = ReturnType<BriefmarkApi[M]>;

/** What the renderer holds: every method as an async function returning a result value. */
export type BriefmarkClient = {
  [M in ApiMethod]: (request: ApiRequest<M>) => Promise<ApiResult<ApiResponse<M>>>;
};

/**
 * What the Electron preload exposes as `window.briefmark`: one typed entry into dispatch.
 * Main still validates every request, since a compromised renderer ignores types.
 */
export interface BriefmarkBridge {
  invoke<M extends ApiMethod>(
    method: M,
    request: ApiRequest<M>,
  ): Promise<ApiResult<ApiResponse<M>>>;
  /** Files chosen in the native File > Import… dialog; returns a function that unsubscribes. */
  onImportFiles(listener: (files: FileToImport[]) => void): () => void;
  /**
   * Asks for a folder with the native dialog and writes the export's files into it, each
   * atomically; `null` when the user cancelled the dialog.
   */
  exportToFolder(
    request: ApiRequest<'export.files'>,
  ): Promise<ApiResult<{ folder: string; fileNames: string[] } | null>>;
  /**
   * `briefmark://` links the operating system handed to the app (a click in Obsidian, say);
   * links that came before anyone listened are delivered on subscribing. Returns a function
   * that unsubscribes.
   */
  onOpenLink(listener: (href: string) => void): () => void;
}

/** A file read by the desktop shell for the renderer to import with its usual progress UI. */
export interface FileToImport {
  name: string;
  bytes: Uint8Array;
}
