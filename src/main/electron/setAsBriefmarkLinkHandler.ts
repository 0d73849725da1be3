import { app } from 'electron';

/** The scheme of the links exports and notes write: `briefmark://brief/…#h-…`. */
export const BRIEFMARK_LINK_SCHEME = 'briefmark';

/**
 * Asks the operating system to open `briefmark://` links (clicked in Obsidian, say) with this
 * app. Run from source, the app is Electron plus the app's folder, so both make the command;
 * packaged, the executable alone is the app. Returns whether the system took the request.
 */
export function setAsBriefmarkLinkHandler(): boolean {
  if (app.isPackaged) return app.setAsDefaultProtocolClient(BRIEFMARK_LINK_SCHEME);
  return app.setAsDefaultProtocolClient(BRIEFMARK_LINK_SCHEME, process.execPath, [
    app.getAppPath(),
  ]);
}
