import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRendererFile } from '../../src/main/electron/resolveRendererFile';
import { rendererFileFor } from '../../src/main/serving/rendererFileFor';

const root = '/opt/briefmark/out/renderer';

describe('rendererFileFor', () => {
  it('serves index.html for the root and files inside the renderer folder', () => {
    expect(rendererFileFor('/', root)).toBe(join(root, 'index.html'));
    expect(rendererFileFor('/assets/index-abc.js', root)).toBe(join(root, 'assets/index-abc.js'));
  });

  it.each([
    '/../package.json',
    '/..%2f..%2fetc%2fpasswd',
    '/assets/%2e%2e/%2e%2e/secret',
    '/a%5c..%5c..%5cwin.ini',
    '/index.html%00.js',
    '/%E0%A4%A',
  ])('refuses %s, which would leave the folder or is malformed', (path) => {
    expect(rendererFileFor(path, root)).toBeNull();
  });
});

describe('resolveRendererFile (the app:// protocol)', () => {
  it('accepts only the app host', () => {
    expect(resolveRendererFile('app://briefmark/index.html', root)).toBe(join(root, 'index.html'));
    expect(resolveRendererFile('app://elsewhere/index.html', root)).toBeNull();
    expect(resolveRendererFile('file:///etc/passwd', root)).toBeNull();
  });
});
