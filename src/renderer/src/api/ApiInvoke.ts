import type { ApiMethod, ApiResult } from '../../../shared/api';

/** One untyped call across the process boundary; the typed client is built on top of it. */
export type ApiInvoke = (method: ApiMethod, request: unknown) => Promise<ApiResult<unknown>>;
