import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

export const projectRoot = join(import.meta.dirname, '..', '..');

/**
 * Bundles writerProcess.ts with its packages into one file under node_modules/.cache, where
 * better-sqlite3 (native, left out) resolves, and returns the folder and the file. A crash run
 * starts a writer per trial, and plain node starts one bundled file several times faster than
 * tsx starts the sources. Remove the folder after.
 */
export async function bundleWriter(): Promise<{ dir: string; script: string }> {
  const cache = join(projectRoot, 'node_modules', '.cache', 'briefmark-durability');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'writer-'));
  const script = join(dir, 'writer.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'writerProcess.ts')],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    // Bundled CommonJS packages still require Node's built-ins.
    banner: {
      js: [
        `import { createRequire } from 'node:module';`,
        'const require = createRequire(import.meta.url);',
      ].join('\n'),
    },
    logLevel: 'warning',
  });
  return { dir, script };
}
