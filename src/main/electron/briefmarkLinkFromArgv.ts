import { parseBriefmarkHref } from '../../shared/briefmarkLink';

/**
 * The `briefmark://` highlight link among a launch's arguments: on Windows and Linux the
 * operating system starts the app (or a second instance) with the clicked link as one argument.
 * Only a link of exactly the strict highlight-link form counts; switches, paths and any other
 * address are passed over. The last one wins, as the most recent click. Null when there is none.
 */
export function briefmarkLinkFromArgv(argv: readonly string[]): string | null {
  for (let index = argv.length - 1; index >= 0; index -= 1) {
    const arg = argv[index];
    if (typeof arg === 'string' && parseBriefmarkHref(arg) !== null) return arg;
  }
  return null;
}
