import type { ApiErrorCode, ApiMethod, ApiRequest, ApiResponse, ApiResult } from '../../shared/api';
import { isApiMethod, requestSchemas } from '../../shared/schemas';
import { DatabaseError } from '../db/DatabaseError';
import { ImportJobs } from '../services/ImportJobs';
import type { Library } from '../services/Library';
import { ServiceError } from '../services/ServiceError';

type Handlers = {
  [M in ApiMethod]: (request: ApiRequest<M>) => ApiResponse<M> | Promise<ApiResponse<M>>;
};

function handlersFor(library: Library, jobs: ImportJobs): Handlers {
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
export function createDispatch(library: Library): Dispatch {
  const handlers = handlersFor(library, new ImportJobs());
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
      const handler = handlers[method] as (request: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      return toFailure(error);
    }
  };
}

function toFailure(error: unknown): ApiResult<never> {
  if (error instanceof ServiceError) return fail(error.code, error.message);
  if (error instanceof DatabaseError) return fail('database_error', error.message);
  const message = error instanceof Error ? error.message : String(error);
  if (/SQLITE_FULL|database or disk is full/i.test(message)) {
    return fail(
      'database_error',
      'The disk is full: nothing was saved. Free some space and try again.',
    );
  }
  if (/SQLITE_READONLY|readonly database/i.test(message)) {
    return fail('database_error', 'The library file is read-only: nothing was saved.');
  }
  if (/SQLITE_BUSY|database is locked/i.test(message)) {
    return fail(
      'database_error',
      'The library is busy in another program: nothing was saved. Try again.',
    );
  }
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
