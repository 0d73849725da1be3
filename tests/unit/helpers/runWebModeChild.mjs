// Web mode as `npm run web` runs it (scripts/web.mjs), without the renderer build first: the
// tests that start it care about the library, not the page. Usage: node runWebModeChild.mjs ARGS.
import { join } from 'node:path';
import { register } from 'tsx/esm/api';

const projectRoot = join(import.meta.dirname, '..', '..', '..');
register();
const { runWebMode } = await import('../../../src/main/web/runWebMode.ts');
try {
  await runWebMode({
    argv: process.argv.slice(2),
    rendererDir: join(projectRoot, 'out', 'renderer'),
    sampleBriefPath: join(projectRoot, 'resources', 'sample-brief.txt'),
  });
} catch (error) {
  console.error(`briefmark web: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
