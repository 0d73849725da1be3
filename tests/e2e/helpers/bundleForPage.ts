import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Rolldown } from 'vite';

const rendererSource = join(import.meta.dirname, '..', '..', '..', 'src', 'renderer', 'src');

/**
 * Bundles named exports of renderer modules into a script that puts them on `window[global]`,
 * for a test to run the app's own DOM code in the page (page.evaluate runs it despite the CSP)
 * without the app shipping a test hook. `modules` maps a path under src/renderer/src to names.
 */
export async function bundleForPage(
  global: string,
  modules: Record<string, string[]>,
): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'briefmark-bundle-'));
  try {
    const entry = join(dir, 'entry.ts');
    const lines = Object.entries(modules).map(
      ([path, names]) =>
        `import { ${names.join(', ')} } from ${JSON.stringify(join(rendererSource, path))};`,
    );
    const names = Object.values(modules).flat();
    lines.push(
      `(globalThis as Record<string, unknown>)[${JSON.stringify(global)}] = { ${names.join(', ')} };`,
    );
    writeFileSync(entry, lines.join('\n'));
    const output = (await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: false,
        rolldownOptions: { input: entry, output: { format: 'iife' } },
      },
    })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
    const result = Array.isArray(output) ? output[0]! : output;
    const chunk = result.output.find((item) => item.type === 'chunk');
    if (!chunk) throw new Error('The bundle has no script.');
    return chunk.code;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
