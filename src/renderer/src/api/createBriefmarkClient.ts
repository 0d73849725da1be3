import type {
  ApiMethod,
  ApiRequest,
  ApiResponse,
  ApiResult,
  BriefmarkClient,
} from '../../../shared/api';
import type { ApiInvoke } from './ApiInvoke';

// A record keyed by every method makes the compiler flag a method added to the contract but not here.
const METHODS: Record<ApiMethod, true> = {
  'app.welcome': true,
  'briefs.list': true,
  'briefs.get': true,
  'briefs.markOpened': true,
  'briefs.updateMeta': true,
  'briefs.import': true,
  'imports.progress': true,
  'imports.cancel': true,
  'notes.list': true,
  'notes.save': true,
  'export.markdown': true,
  'export.options': true,
  'export.section': true,
  'export.files': true,
  'annotations.restore': true,
  'reading.position': true,
  'reading.savePosition': true,
  'highlights.list': true,
  'highlights.create': true,
  'highlights.update': true,
  'highlights.delete': true,
  'highlights.restore': true,
  'editions.adopt': true,
  'editions.review': true,
  'editions.markReviewed': true,
  'links.resolve': true,
  'settings.get': true,
  'settings.save': true,
  'backups.list': true,
  'backups.create': true,
  'backups.restore': true,
};

function typedMethod<M extends ApiMethod>(
  invoke: ApiInvoke,
  method: M,
): (request: ApiRequest<M>) => Promise<ApiResult<ApiResponse<M>>> {
  // The main process validated the request and produced the value from the same contract.
  return (request) => invoke(method, request) as Promise<ApiResult<ApiResponse<M>>>;
}

/** Builds the typed client the app calls, e.g. `api['briefs.get']({ briefId })`. */
export function createBriefmarkClient(invoke: ApiInvoke): BriefmarkClient {
  const entries = (Object.keys(METHODS) as ApiMethod[]).map((method) => [
    method,
    typedMethod(invoke, method),
  ]);
  return Object.fromEntries(entries) as BriefmarkClient;
}
