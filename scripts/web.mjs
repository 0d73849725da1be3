#!/usr/bin/env node
// `npm run web [-- --port N --db PATH --open]`: Briefmark in the browser, served on 127.0.0.1 only.
import { join } from 'node:path';
import { register } from 'tsx/esm/api';
import { ensureBuilt, projectRoot, rendererDir } from './rendererBuild.mjs';

if (!ensureBuilt()) {
  console.error('Briefmark could not be built; see the errors above.');
  process.exit(1);
}
register();
const { runWebMode } = await import('../src/main/web/runWebMode.ts');
try {
  await runWebMode({
    argv: process.argv.slice(2),
    rendererDir,
    sampleBriefPath: join(projectRoot, 'resources', 'sample-brief.txt'),
  });
} catch (error) {
  console.error(`briefmark web: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
