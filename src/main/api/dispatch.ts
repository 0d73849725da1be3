import type { ApiErrorCode, ApiMethod, ApiRequest, ApiResponse, ApiResult } from '../../shared/api';
import { isApiMethod, requestSchemas } from '../../shared/schemas';
import { DatabaseError } from '../db/DatabaseError';
import { storageFailure } from '../db/storageFailure';
import { ImportJobs } from '../services/ImportJobs';
import type { Library } from '../services/Library';
import { LibraryHost } from '../services/LibraryHost';
import { ServiceError } from '../services/ServiceError';
import { backupHandlers, isBackupMethod, type BackupMethod } from './backupHandlers';

type Handlers = {
  [M in ApiMethod]: (request: ApiRequest<M>) => ApiResponse<M> | Promise<ApiResponse<M>>;
};

/** Every method but the backups ones, which answer without a library. */
type LibraryHandlers = Omit<Handlers, BackupMethod>;

function handlersFor(library: Library, jobs: ImportJobs): LibraryHandlers {
  return {
    'app.welcome': () => library.welcome(),
    'briefs.list': () => library.listBriefs(),
    'briefs.get': ({ briefId }) => library.getBrief(briefId),
    'briefs.markOpened': ({ briefId }) => library.markOpened(briefId),
    'briefs.updateMeta': ({ briefId, meta }) => library.updateMeta(briefId, meta),
    'briefs.import': async ({ fileName, dataBase64, importId }) => {
      const bytes = Buffer.from(dataBase64, 'base64');
      if (importId === undefined) return library.importFile(fileName, bytes);
      const job = jobs.start(importId);
      try {
        return await library.importFile(fileName, bytes, job);
      } finally {
        job.finish();
      }
    },
    'imports.progress': ({ importId }) => jobs.progress(importId),
    'imports.cancel': ({ importId }) => jobs.cancel(importId),
    'notes.list': ({ briefId }) => library.listNotes(briefId),
    'notes.save': ({ briefId, sectionId, doc }) => library.saveNote(briefId, sectionId, doc),
    'export.markdown': ({ briefId, options }) => library.exportMarkdown(briefId, options),
    'export.options': () => library.exportOptions(),
    'export.section': ({ briefId, sectionId }) => library.exportSectionMarkdown(briefId, sectionId),
    'export.files': ({ briefIds, options }) => library.exportFiles(briefIds, options),
    'annotations.restore': ({ fileName, dataBase64 }) =>
      library.restoreAnnotations(fileName, Buffer.from(dataBase64, 'base64')),
    'reading.position': ({ briefId }) => library.readingPosition(briefId),
    'reading.savePosition': ({ briefId, position }) =>
      library.saveReadingPosition(briefId, position),
    'highlights.list': ({ briefId }) => library.highlights.list(briefId),
    'highlights.create': ({ briefId, ranges, role, comment }) =>
      library.highlights.create(briefId, ranges, role, comment ?? ''),
    'highlights.update': ({ highlightId, role, comment }) =>
      library.highlights.update(highlightId, { role, comment }),
    'highlights.delete': ({ highlightId }) => library.highlights.delete(highlightId),
    'highlights.restore': ({ highlightId }) => library.highlights.restore(highlightId),
    'editions.adopt': ({ briefId, previousBriefId }) =>
      library.editions.adopt(briefId, previousBriefId),
    'editions.review': ({ briefId }) => library.editions.review(briefId),
    'editions.markReviewed': ({ highlightId }) => library.editions.markReviewed(highlightId),
    'links.resolve': (link) => library.resolveLink(link),
    'settings.get': () => library.readerSettings(),
    'settings.save': ({ settings }) => library.saveReaderSettings(settings),
  };
}

export type Dispatch = (method: unknown, request: unknown) => Promise<ApiResult<unknown>>;

/**
 * The one entry point both transports end in: checks the method, parses the request with its
 * zod schema, calls the service, and turns every failure into an error value. Never throws.
 */
export function createDispatch(source: Library | LibraryHost): Dispatch {
  const host = source instanceof LibraryHost ? source : LibraryHost.around(source);
  const jobs = new ImportJobs();
  const backups = backupHandlers(host);
  let current: { library: Library; handlers: LibraryHandlers } | null = null;
  // Looked up on every request: after a restore the host holds a newly opened library, and
  // while the library could not be opened only the backups methods answer.
  const handlerFor = (method: ApiMethod): unknown => {
    if (isBackupMethod(method)) return backups[method];
    const library = host.library;
    if (!library) throw host.unavailable();
    if (current?.library !== library) current = { library, handlers: handlersFor(library, jobs) };
    return current.handlers[method];
  };
  return async (method, request) => {
    if (!isApiMethod(method)) {
      return fail('unknown_method', `There is no API method called ${describe(method)}.`);
    }
    try {
      // Inside the try: whatever a request holds, parsing it must end in an error value too.
      const parsed = requestSchemas[method].safeParse(request);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? ` (at ${clip(issue.path.join('.'))})` : '';
        return fail(
          'invalid_request',
          `Invalid request for ${method}: ${clip(issue?.message ?? 'malformed')}${where}.`,
        );
      }
      const handler = handlerFor(method) as (request: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      return toFailure(error, host.backups?.libraryPath ?? null);
    }
  };
}

function toFailure(error: unknown, libraryPath: string | null): ApiResult<never> {
  if (error instanceof ServiceError) return fail(error.code, error.message);
  const database = error instanceof DatabaseError ? error : storageFailure(error, libraryPath);
  if (database) {
    const code = database.code;
    return fail(
      code === 'disk_full' || code === 'library_read_only' ? code : 'database_error',
      database.message,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  console.error('briefmark: unexpected error in dispatch', error);
  return fail('internal_error', `Something went wrong inside Briefmark: ${message}`);
}

function fail(code: ApiErrorCode, message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

// zod quotes unknown keys in its messages: a request with a 1 MB key would get it back whole.
function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function describe(method: unknown): string {
  return typeof method === 'string' ? `“${method.slice(0, 80)}”` : `of type ${typeof method}`;
}
