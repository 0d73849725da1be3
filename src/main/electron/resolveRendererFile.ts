import { rendererFileFor } from '../serving/rendererFileFor';
import { APP_HOST, APP_SCHEME } from './appOrigin';

/** Maps an app://briefmark/... URL to a file inside `rendererDir`, or null for anything else. */
export function resolveRendererFile(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  return rendererFileFor(parsed.pathname, rendererDir);
}
