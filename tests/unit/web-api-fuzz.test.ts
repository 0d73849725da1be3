import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../src/main/web/startWebServer';
import type { ApiMethod } from '../../src/shared/api';
import { WEB_TOKEN_HEADER } from '../../src/shared/channels';
import { MAX_IMPORT_BYTES } from '../../src/shared/importLimits';
import { requestSchemas } from '../../src/shared/schemas';
import { answerProblem } from '../fuzz/apiAnswerProblem';
import { openFuzzLibrary, type FuzzLibrary } from '../fuzz/apiFuzzLibrary';

const SEED = Number(process.env.BRIEFMARK_FUZZ_SEED ?? 20_250_707);
/** The long run: BRIEFMARK_FUZZ_RUNS=5000 npx vitest run tests/unit/web-api-fuzz.test.ts. */
const LONG_RUN = process.env.BRIEFMARK_FUZZ_RUNS !== undefined;
/** Random bodies per method: 20, or a tenth of the long run's runs. */
const RANDOM_BODIES = Math.max(20, Math.floor(Number(process.env.BRIEFMARK_FUZZ_RUNS ?? 0) / 10));
const CALL_LIMIT_MS = 10_000;
const METHODS = Object.keys(requestSchemas) as ApiMethod[];
const MIB = 1024 * 1024;

interface Sent {
  method?: string;
  path: string;
  /** Merged over the app's own headers; undefined leaves one out. */
  headers?: Record<string, string | undefined>;
  /** Written one chunk after another, so a 60 MB body needs no 60 MB copy per call. */
  body?: (string | Buffer)[];
  /** False sends no Host header at all. */
  setHost?: boolean;
}

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

let fuzz: FuzzLibrary;
let server: WebServer;
let dir: string;
let sent = 0;
const started = performance.now();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'briefmark-web-fuzz-'));
  fuzz = await openFuzzLibrary(dir);
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  server = await startWebServer({ dispatch: fuzz.dispatch, rendererDir, port: 0 });
});

afterAll(async () => {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `web api fuzz, seed ${SEED}: ${METHODS.length} methods, ${sent} requests, ${seconds} s`,
  );
  await server?.close();
  fuzz?.library.close();
  rmSync(dir, { recursive: true, force: true });
});

/** node:http rather than fetch, which will not forge a Host header or send a raw path. */
function call(request: Sent): Promise<Answer> {
  sent++;
  const merged: Record<string, string | undefined> = {
    host: request.setHost === false ? undefined : `127.0.0.1:${server.port}`,
    'content-type': 'application/json',
    [WEB_TOKEN_HEADER]: server.token,
    ...request.headers,
  };
  const headers = Object.fromEntries(
    Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        path: request.path,
        method: request.method ?? 'POST',
        headers,
        setHost: request.setHost,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.setTimeout(CALL_LIMIT_MS, () =>
      req.destroy(new Error(`no answer after ${CALL_LIMIT_MS} ms`)),
    );
    req.on('error', reject);
    for (const chunk of request.body ?? []) req.write(chunk);
    req.end();
  });
}

/** A refusal: this status, a JSON body with an error code and a sentence for the user. */
function expectRefused(answer: Answer, status: number | number[], label: string): string {
  const statuses = Array.isArray(status) ? status : [status];
  expect(statuses, `${label}: status ${answer.status}, ${answer.text.slice(0, 200)}`).toContain(
    answer.status,
  );
  expect(answer.contentType, label).toContain('application/json');
  const body = JSON.parse(answer.text) as { ok: boolean; error?: { code: string } };
  expect(body.ok, label).toBe(false);
  expect(answerProblem(body), label).toBeNull();
  return body.error!.code;
}

const json = (value: unknown) => [JSON.stringify(value)];

describe('web mode refuses malformed API calls with a 4xx and a JSON error, and stays up', () => {
  it.each(METHODS)('%s', async (method) => {
    const path = `/api/${method}`;
    const valid = JSON.stringify(fuzz.valid[method].request);

    expectRefused(await call({ path, body: ['{"unterminated'] }), 400, `${method}: not JSON`);
    expectRefused(
      await call({ path, body: [valid.slice(0, Math.ceil(valid.length / 2))] }),
      400,
      `${method}: truncated JSON`,
    );
    expectRefused(await call({ path, body: [] }), 400, `${method}: no body`);
    expectRefused(
      await call({ path, headers: { 'content-type': 'text/plain' }, body: [valid] }),
      415,
      `${method}: text/plain`,
    );
    expectRefused(
      await call({
        path,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: ['a=1'],
      }),
      415,
      `${method}: a form`,
    );
    expectRefused(await call({ path, method: 'GET' }), 405, `${method}: GET`);
    expectRefused(await call({ path, method: 'PUT', body: [valid] }), 405, `${method}: PUT`);
    expect(
      expectRefused(await call({ path, body: json([valid]) }), 400, `${method}: an array`),
    ).toBe('invalid_request');

    // The valid request itself crosses HTTP: answered, whatever the library says.
    const answer = await call({ path, body: [valid] });
    expect(answer.status, `${method}: valid request`).toBeLessThan(500);
    expect(answerProblem(JSON.parse(answer.text)), `${method}: valid request`).toBeNull();
  });

  it.each(METHODS)(
    '%s, with random bodies',
    async (method) => {
      const body = fc.oneof(
        fc.jsonValue().map((value) => JSON.stringify(value)),
        fc.string({ unit: 'binary' }),
        fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
      );
      await fc.assert(
        fc.asyncProperty(body, async (text) => {
          const answer = await call({ path: `/api/${method}`, body: [text] });
          const label = `${method} with ${JSON.stringify(text).slice(0, 80)}`;
          if (answer.status < 300) {
            // A random value that is a valid request (`{}` for some methods): answered properly.
            expect(requestSchemas[method].safeParse(JSON.parse(text)).success, label).toBe(true);
            expect(answerProblem(JSON.parse(answer.text)), label).toBeNull();
          } else {
            expectRefused(answer, [400, 404, 409, 413, 415, 422], label);
          }
        }),
        { seed: SEED, numRuns: RANDOM_BODIES },
      );
    },
    20_000 + RANDOM_BODIES * 100,
  );

  it('refuses a 60 MB body, and one past the limit with 413', async () => {
    const filler = Buffer.alloc(60 * MIB, 'x');
    // Each takes about half a second, nearly all of it reading the body, which happens the same
    // way before any method is looked at; so npm test sends it to three methods (the import,
    // the one taking a note, one taking nothing) and the long run to every one.
    const methods = LONG_RUN
      ? METHODS
      : METHODS.filter((method) =>
          ['briefs.import', 'notes.save', 'settings.get'].includes(method),
        );
    for (const method of methods) {
      const valid = JSON.stringify(fuzz.valid[method].request);
      const body = [`${valid.slice(0, -1)}${valid.length > 2 ? ',' : ''}"padding":"`, filler, '"}'];
      expect(
        expectRefused(await call({ path: `/api/${method}`, body }), 400, `${method}: 60 MB`),
      ).toBe('invalid_request');
    }
    const pastLimit = Buffer.alloc(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + MIB, 'A');
    const answer = await call({
      path: '/api/briefs.import',
      body: ['{"fileName":"big.txt","dataBase64":"', pastLimit, '"}'],
    });
    expect(expectRefused(answer, 413, 'past the limit')).toBe('too_large');
  }, 120_000);

  it.each([
    ['an unknown method', '/api/briefs.drop'],
    ['an empty method', '/api/'],
    ['an inherited property name', '/api/__proto__'],
    ['an escaped path separator', '/api/..%2fbriefs.list'],
    ['a NUL in the name', '/api/briefs.list%00'],
    ['a malformed escape', '/api/briefs.list%E0%A4%A'],
    ['a lone percent sign', '/api/%'],
    ['a path that leaves /api/', '/api/../x'],
    ['an escaped path that leaves /api/', '/api/%2e%2e/briefs.list'],
    ['a path into the file system', '/api/../../../../etc/passwd'],
    ['a backslash path', '/api/..\\..\\briefs.list'],
    ['a path that is no URL path', '//['],
  ])('refuses %s in the method name (%s)', async (_label, path) => {
    expectRefused(await call({ path, body: ['{}'] }), [400, 404, 405], path);
  });
});

describe('web mode refuses every method to callers that are not the app', () => {
  it.each(METHODS)('%s', async (method) => {
    const path = `/api/${method}`;
    const body = [JSON.stringify(fuzz.valid[method].request)];
    const wrongToken = server.token.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    const port = server.port;

    expectRefused(
      await call({ path, body, headers: { [WEB_TOKEN_HEADER]: undefined } }),
      401,
      'no token',
    );
    expectRefused(
      await call({ path, body, headers: { [WEB_TOKEN_HEADER]: '' } }),
      401,
      'empty token',
    );
    expectRefused(
      await call({ path, body, headers: { [WEB_TOKEN_HEADER]: wrongToken } }),
      401,
      'wrong token',
    );
    expectRefused(
      await call({ path, body, headers: { [WEB_TOKEN_HEADER]: server.token.toUpperCase() } }),
      401,
      'token in another case',
    );
    expectRefused(
      await call({
        path: `${path}?token=${server.token}`,
        body,
        headers: { [WEB_TOKEN_HEADER]: undefined },
      }),
      401,
      'token in the query string',
    );
    for (const host of [
      `evil.example:${port}`,
      'evil.example',
      `127.0.0.1:${port + 1}`,
      `127.0.0.1.evil.example:${port}`,
    ]) {
      expectRefused(await call({ path, body, headers: { host } }), 403, `Host ${host}`);
    }
    // Node's HTTP parser answers this one itself, with a bare 400, before any handler runs.
    expect((await call({ path, body, setHost: false })).status, 'no Host').toBe(400);
    for (const origin of [
      'https://evil.example',
      'null',
      `http://127.0.0.1:${port + 1}`,
      `http://evil.example:${port}`,
    ]) {
      expectRefused(await call({ path, body, headers: { origin } }), 403, `Origin ${origin}`);
    }
    // A full address or a scheme-relative one in the request line, even with the right Host and
    // token: only a path names what is asked for.
    for (const target of [`http://evil.example${path}`, `//evil.example${path}`]) {
      expectRefused(await call({ path: target, body }), 400, `request line ${target}`);
    }
  });

  it('still answers the app after all of it', async () => {
    const answer = await call({ path: '/api/briefs.list', body: ['{}'] });
    expect(answer.status).toBe(200);
    const list = JSON.parse(answer.text) as { ok: boolean; value: unknown[] };
    expect(list.ok).toBe(true);
    expect(list.value.length).toBeGreaterThanOrEqual(1);
    expect(fuzz.evidence().integrity).toBe('ok');
  });
});
