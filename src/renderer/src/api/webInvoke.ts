import { WEB_API_PREFIX, WEB_TOKEN_HEADER } from '../../../shared/channels';
import type { ApiInvoke } from './ApiInvoke';
import { apiResultFrom, internalError } from './apiResultFrom';

const TOKEN_STORAGE_KEY = 'briefmark.token';
// Browsers allow keepalive only for small bodies; it lets a note save finish during pagehide.
const KEEPALIVE_MAX_BYTES = 60_000;

/**
 * Takes web mode's token from `#token=…` (then removes it from the address bar, leaving what
 * follows it, such as `&open=<link>`) or from sessionStorage after a reload. Returns null when
 * the page was opened without one.
 */
export function readWebToken(): string | null {
  const match = /^#token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    try {
      sessionStorage.setItem(TOKEN_STORAGE_KEY, token);
    } catch {
      // Storage can be disabled; the token still works until the page is reloaded.
    }
    const rest = window.location.hash.slice(match[0].length).replace(/^&/, '');
    history.replaceState(
      null,
      '',
      window.location.pathname + window.location.search + (rest ? `#${rest}` : ''),
    );
    return token;
  }
  try {
    return sessionStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Web mode's transport: POST /api/<method> with the per-run token. */
export function webInvoke(token: string | null): ApiInvoke {
  return async (method, request) => {
    if (token === null) {
      return internalError(
        'This page was opened without its access token. Open the address that `npm run web` printed.',
      );
    }
    const body = JSON.stringify(request);
    let response: Response;
    try {
      response = await fetch(WEB_API_PREFIX + method, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [WEB_TOKEN_HEADER]: token },
        body,
        keepalive: body.length < KEEPALIVE_MAX_BYTES,
      });
    } catch {
      return internalError(
        'Briefmark could not reach its server. Check that `npm run web` is still running.',
      );
    }
    let payload: unknown;
    try {
      payload = await response.json();
    } catch {
      payload = null;
    }
    return (
      apiResultFrom(payload) ??
      internalError(`The server answered with HTTP ${response.status} and no readable result.`)
    );
  };
}
