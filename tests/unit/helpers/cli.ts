import { runCli } from '../../../src/main/cli';
import { sampleBriefPath } from './tempLibrary';

/** Runs one `briefmark` command in-process; its exit code and everything it printed. */
export async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    env,
    sampleBriefPath,
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
