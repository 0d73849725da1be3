import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../src/main/api/dispatch';
import type { Library } from '../../src/main/services/Library';
import { openLibrary } from '../../src/main/services/openLibrary';
import type { ImportedBrief } from '../../src/shared/api';
import { ImportError } from '../../src/main/import/ImportError';
import { sampleBriefPath, tempDbPath } from './helpers/tempLibrary';

let library: Library | undefined;
afterEach(() => library?.close());

const validMeta = {
  title: 'A brief',
  subtitle: null,
  organisation: null,
  reference: null,
  date: '2024-06',
  documentType: null,
  language: 'en',
  authors: [],
  tags: [],
};

function setUp() {
  library = openLibrary({ dbPath: tempDbPath(), sampleBriefPath });
  return createDispatch(library);
}

describe('dispatch', () => {
  it('imports a brief sent as base64 and returns its outline', async () => {
    const dispatch = setUp();
    const result = await dispatch('briefs.import', {
      fileName: 'sample.txt',
      dataBase64: readFileSync(sampleBriefPath).toString('base64'),
    });
    expect(result.ok).toBe(true);
    const value = (result as { value: ImportedBrief }).value;
    expect(value.sections.map((s) => s.heading)).toContain('II. ALLIED DETERRENCE AND DEFENCE');
  });

  it.each([
    ['an unknown method', 'briefs.drop', {}, 'unknown_method'],
    ['a method that is not a string', 42, {}, 'unknown_method'],
    ['an inherited property name', 'toString', {}, 'unknown_method'],
    ['a missing payload', 'briefs.get', undefined, 'invalid_request'],
    ['a payload that is an array', 'briefs.get', ['x'], 'invalid_request'],
    ['a wrong type', 'briefs.get', { briefId: 7 }, 'invalid_request'],
    ['an empty id', 'briefs.get', { briefId: '' }, 'invalid_request'],
    ['an unknown field', 'briefs.get', { briefId: 'a', admin: true }, 'invalid_request'],
    ['fields on an empty request', 'briefs.list', { limit: 5 }, 'invalid_request'],
    ['an oversized id', 'briefs.get', { briefId: 'x'.repeat(10_000) }, 'invalid_request'],
    [
      'data that is not base64',
      'briefs.import',
      { fileName: 'a.txt', dataBase64: '<script>' },
      'invalid_request',
    ],
    [
      'a note that is not an object',
      'notes.save',
      { briefId: 'a', sectionId: null, doc: 'hi' },
      'invalid_request',
    ],
    [
      'a note node with an unknown key',
      'notes.save',
      { briefId: 'a', sectionId: null, doc: { type: 'doc', onload: 'x' } },
      'invalid_request',
    ],
    [
      'a note that is not a doc',
      'notes.save',
      { briefId: 'a', sectionId: null, doc: { type: 'paragraph' } },
      'invalid_request',
    ],
    ['a brief that does not exist', 'briefs.get', { briefId: 'nope' }, 'not_found'],
    [
      'details with an empty title',
      'briefs.updateMeta',
      { briefId: 'a', meta: { ...validMeta, title: '   ' } },
      'invalid_request',
    ],
    [
      'details with a date that is not a date',
      'briefs.updateMeta',
      { briefId: 'a', meta: { ...validMeta, date: 'June 2024' } },
      'invalid_request',
    ],
    [
      'details missing a field',
      'briefs.updateMeta',
      { briefId: 'a', meta: { title: 'x' } },
      'invalid_request',
    ],
    [
      'details for a brief that does not exist',
      'briefs.updateMeta',
      { briefId: 'nope', meta: validMeta },
      'not_found',
    ],
    [
      'an export of a brief that does not exist',
      'export.markdown',
      { briefId: 'nope' },
      'not_found',
    ],
  ])('refuses %s with a %s error value, never throwing', async (_label, method, payload, code) => {
    const dispatch = setUp();
    const result = await dispatch(method, payload);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message.length).toBeGreaterThan(10);
    }
  });

  it('refuses a file type it cannot import with the file name in the message', async () => {
    const dispatch = setUp();
    const result = await dispatch('briefs.import', {
      fileName: 'slides.pptx',
      dataBase64: Buffer.from('PK\u0003\u0004 not really').toString('base64'),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported_format' } });
    if (!result.ok) expect(result.error.message).toContain('slides.pptx');
  });
});

describe('import progress and cancel', () => {
  it('reports how far an import has got and cancels it on request', async () => {
    library = openLibrary({
      dbPath: tempDbPath(),
      sampleBriefPath,
      // Stands in for a long PDF: reports page 3 of 10, then waits until cancelled.
      runImport: (fileName, _bytes, { signal, onProgress }) =>
        new Promise((_resolve, reject) => {
          onProgress?.({ done: 3, total: 10, unit: 'page' });
          signal?.addEventListener('abort', () =>
            reject(new ImportError('cancelled', `The import of “${fileName}” was cancelled.`)),
          );
        }),
    });
    const dispatch = createDispatch(library);
    const pending = dispatch('briefs.import', {
      fileName: 'long.pdf',
      dataBase64: Buffer.from('%PDF-1.7').toString('base64'),
      importId: 'import-1',
    });
    expect(await dispatch('imports.progress', { importId: 'import-1' })).toEqual({
      ok: true,
      value: { running: true, progress: { done: 3, total: 10, unit: 'page' } },
    });
    expect(await dispatch('imports.cancel', { importId: 'import-1' })).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    expect(await pending).toEqual({
      ok: false,
      error: { code: 'cancelled', message: 'The import of “long.pdf” was cancelled.' },
    });
    expect(await dispatch('imports.progress', { importId: 'import-1' })).toEqual({
      ok: true,
      value: { running: false, progress: null },
    });
    expect(await dispatch('briefs.list', {})).toEqual({ ok: true, value: [] });
  });
});
