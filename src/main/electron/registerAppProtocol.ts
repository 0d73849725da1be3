import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME } from './appOrigin';
import { CONTENT_SECURITY_POLICY } from '../serving/contentSecurityPolicy';
import { mimeTypeFor } from '../serving/mimeTypeFor';
import { resolveRendererFile } from './resolveRendererFile';

/**
 * Declares app:// as a standard, secure scheme. Must run before the app is ready, so the
 * renderer gets a real origin (storage, fetch, CSP 'self') instead of file://.
 */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    },
  ]);
}

/** Serves the built renderer from `rendererDir` on app://briefmark/, every response with the CSP. */
export function registerAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return respond(405, 'Method not allowed');
    }
    const file = resolveRendererFile(request.url, rendererDir);
    if (!file) return respond(404, 'Not found');
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: securityHeaders(mimeTypeFor(file)),
      });
    } catch {
      return respond(404, 'Not found');
    }
  });
}

function respond(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}
