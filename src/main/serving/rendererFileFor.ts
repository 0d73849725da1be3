import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Maps a URL path to a file inside `rendererDir`, or null when it is malformed or would escape
 * the folder (`..`, encoded separators, NUL). Used by both the app:// protocol and web mode.
 */
export function rendererFileFor(urlPathname: string, rendererDir: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  // Encoded backslashes and NULs have no business in a renderer asset path.
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname === '' || pathname.endsWith('/')) pathname += 'index.html';

  const root = resolve(rendererDir);
  const file = resolve(root, `.${pathname}`);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    return null;
  }
  return file;
}
