import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiErrorCode, ApiResult } from '../../shared/api';
import { WEB_API_PREFIX, WEB_TOKEN_HEADER } from '../../shared/channels';
import { MAX_IMPORT_BYTES } from '../../shared/importLimits';
import type { Dispatch } from '../api/dispatch';
import { CONTENT_SECURITY_POLICY } from '../serving/contentSecurityPolicy';
import { mimeTypeFor } from '../serving/mimeTypeFor';
import { rendererFileFor } from '../serving/rendererFileFor';

export interface WebServerOptions {
  dispatch: Dispatch;
  /** The built renderer (index.html and assets). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; otherwise a random one per run. */
  token?: string;
}

export interface WebServer {
  /** Opens the app: the token travels in the fragment, which browsers never send to a server. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** JSON bodies carry imports as base64, which is 4/3 of the file plus some envelope. */
const MAX_BODY_BYTES = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 64 * 1024;

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

/**
 * Web mode: the built renderer and the API on 127.0.0.1 only. Every API call needs the per-run
 * token; Host and Origin must name this server, so a page on another site (or a DNS-rebound
 * name) cannot reach the library.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('briefmark web: request failed', error);
      if (!res.headersSent) sendJson(res, 500, failure('internal_error', 'The request failed.'));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts().has(req.headers.host ?? '')) {
      return sendJson(
        res,
        403,
        failure('invalid_request', 'Requests must be addressed to 127.0.0.1.'),
      );
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) {
      return sendJson(
        res,
        403,
        failure('invalid_request', 'Requests from other sites are refused.'),
      );
    }
    const target = req.url ?? '/';
    // Only a path: a full address ("http://evil.example/api/…") or a scheme-relative one would
    // be read for its path alone, as if this server had been asked.
    if (!target.startsWith('/') || target.startsWith('//')) {
      return sendJson(
        res,
        400,
        failure('invalid_request', 'Requests must name a path on this server, not an address.'),
      );
    }
    let path: string;
    try {
      path = new URL(target, 'http://127.0.0.1').pathname;
    } catch {
      return sendJson(res, 400, failure('invalid_request', 'The request path is not valid.'));
    }
    if (path.startsWith(WEB_API_PREFIX)) return handleApi(req, res, path);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      // JSON like every refusal: a POST to /api/../x lands here once the path is normalised.
      return sendJson(
        res,
        405,
        failure('invalid_request', 'Only API calls under /api/ can use POST.'),
        { allow: 'GET, HEAD' },
      );
    }
    return serveStatic(res, path);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method !== 'POST') {
      return sendJson(res, 405, failure('invalid_request', 'API calls must use POST.'));
    }
    const given = Buffer.from(String(req.headers[WEB_TOKEN_HEADER] ?? ''));
    if (given.length !== tokenBytes.length || !timingSafeEqual(given, tokenBytes)) {
      return sendJson(
        res,
        401,
        failure(
          'invalid_request',
          'This request lacks the web mode token; open the URL printed at start-up.',
        ),
      );
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, failure('invalid_request', 'API calls must send JSON.'));
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === 'too_large') {
      return sendJson(
        res,
        413,
        failure('too_large', 'The request is larger than the 50 MB import limit.'),
      );
    }
    let request: unknown;
    try {
      request = JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, failure('invalid_request', 'The request body is not valid JSON.'));
    }
    let method: string;
    try {
      method = decodeURIComponent(path.slice(WEB_API_PREFIX.length));
    } catch {
      // A malformed escape (/api/%E0%A4%A) threw here and was answered as a 500 server failure.
      return sendJson(res, 400, failure('unknown_method', 'The API method name is not valid.'));
    }
    const result = await options.dispatch(method, request);
    sendJson(res, result.ok ? 200 : statusFor(result.error.code), result);
  }

  async function serveStatic(res: ServerResponse, path: string): Promise<void> {
    const file = rendererFileFor(path, options.rendererDir);
    let content: Buffer | undefined;
    try {
      if (file) content = await readFile(file);
    } catch {
      content = undefined;
    }
    if (!file || !content) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      res.end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': mimeTypeFor(file), ...SECURITY_HEADERS });
    res.end(content);
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Past the limit the rest is drained unread, so the client still gets a 413 answer.
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(size > limit ? 'too_large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function statusFor(code: ApiErrorCode): number {
  switch (code) {
    case 'invalid_request':
    case 'unknown_method':
      return 400;
    case 'not_found':
      return 404;
    case 'too_large':
      return 413;
    case 'unsupported_format':
    case 'import_failed':
    case 'no_text_layer':
    case 'encrypted':
    case 'damaged':
      return 422;
    case 'cancelled':
    case 'library_read_only':
      return 409;
    case 'disk_full':
      return 507;
    case 'library_unavailable':
      return 503;
    default:
      return 500;
  }
}

function failure(code: ApiErrorCode, message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    ...SECURITY_HEADERS,
    ...headers,
  });
  res.end(JSON.stringify(body));
}
