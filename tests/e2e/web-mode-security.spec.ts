import { request as httpRequest } from 'node:http';
import { expect, test } from './fixtures/webMode';

interface RawResponse {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** node:http, because fetch will not let a test forge the Host header. */
function raw(
  origin: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
  method = 'POST',
): Promise<RawResponse> {
  const url = new URL(path, origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method, headers },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

test.describe('web mode refuses callers that are not the app', () => {
  test('an API call without the token is refused', async ({ app }) => {
    const host = new URL(app.origin).host;
    const response = await raw(
      app.origin,
      '/api/briefs.list',
      { host, 'content-type': 'application/json' },
      '{}',
    );
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false });
  });

  test('an API call with the wrong token is refused', async ({ app }) => {
    const host = new URL(app.origin).host;
    const response = await raw(
      app.origin,
      '/api/briefs.list',
      { host, 'content-type': 'application/json', 'x-briefmark-token': 'guess' },
      '{}',
    );
    expect(response.status).toBe(401);
  });

  test('a request naming another host (DNS rebinding) is refused, even with the token', async ({
    app,
  }) => {
    const response = await raw(
      app.origin,
      '/api/briefs.list',
      {
        host: 'attacker.example:80',
        'content-type': 'application/json',
        'x-briefmark-token': app.token,
      },
      '{}',
    );
    expect(response.status).toBe(403);
    const page = await raw(app.origin, '/', { host: 'attacker.example' }, undefined, 'GET');
    expect(page.status).toBe(403);
  });

  test('a request from another origin is refused, even with the token', async ({ app }) => {
    const host = new URL(app.origin).host;
    const response = await raw(
      app.origin,
      '/api/briefs.list',
      {
        host,
        origin: 'https://evil.example',
        'content-type': 'application/json',
        'x-briefmark-token': app.token,
      },
      '{}',
    );
    expect(response.status).toBe(403);
  });

  test('the token-bearing caller gets answers, and malformed payloads get validation errors', async ({
    app,
  }) => {
    const host = new URL(app.origin).host;
    const headers = { host, 'content-type': 'application/json', 'x-briefmark-token': app.token };
    const ok = await raw(app.origin, '/api/briefs.list', headers, '{}');
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ ok: true, value: [] });

    const notJson = await raw(app.origin, '/api/briefs.list', headers, '{"unterminated');
    expect(notJson.status).toBe(400);
    const badShape = await raw(app.origin, '/api/briefs.get', headers, '{"briefId": {"$gt": ""}}');
    expect(JSON.parse(badShape.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    const unknown = await raw(app.origin, '/api/__proto__', headers, '{}');
    expect(JSON.parse(unknown.body)).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
  });

  test('pages are served with a strict Content-Security-Policy and no path escapes', async ({
    app,
  }) => {
    const host = new URL(app.origin).host;
    const index = await raw(app.origin, '/', { host }, undefined, 'GET');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'none'");
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    const escape = await raw(app.origin, '/..%2f..%2fpackage.json', { host }, undefined, 'GET');
    expect(escape.status).toBe(404);
  });
});
