/** The privileged scheme the packaged renderer is served from. */
export const APP_SCHEME = 'app';

/** The one host under APP_SCHEME; the renderer lives at app://briefmark/. */
export const APP_HOST = 'briefmark';

/** Where the built renderer starts. */
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * True when `url` belongs to the app's own renderer: app://briefmark/, or the dev server's
 * origin when electron-vite dev supplies one.
 */
export function isAppUrl(url: string, devServerUrl: string | undefined): boolean {
  const parsed = safeParse(url);
  if (!parsed) return false;
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  const dev = devServerUrl ? safeParse(devServerUrl) : null;
  return dev !== null && parsed.origin === dev.origin;
}

function safeParse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
