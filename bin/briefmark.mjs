#!/usr/bin/env node
// The `briefmark` command: runs the TypeScript CLI directly, so it works right after `npm install`.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
register();
const { runCli } = await import('../src/main/cli.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  sampleBriefPath: join(projectRoot, 'resources', 'sample-brief.txt'),
});
