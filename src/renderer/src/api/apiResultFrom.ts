import type { ApiResult } from '../../../shared/api';

/** Checks that a value received from the other side has the ApiResult shape. */
export function apiResultFrom(value: unknown): ApiResult<unknown> | null {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return null;
  if (value.ok === true && 'value' in value) return { ok: true, value: value.value };
  if (value.ok === false && 'error' in value) {
    const error = value.error;
    if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error) {
      const { code, message } = error;
      if (typeof code === 'string' && typeof message === 'string') {
        // The code list is the main process's to define; an unknown code still carries a message.
        return { ok: false, error: { code: code as never, message } };
      }
    }
  }
  return null;
}

/** An ApiResult for a failure that happened on this side of the boundary. */
export function internalError(message: string): ApiResult<never> {
  return { ok: false, error: { code: 'internal_error', message } };
}
