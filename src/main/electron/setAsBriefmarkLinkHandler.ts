import { app } from 'electron';
import { BRIEFMARK_LINK_SCHEME } from '../../shared/briefmarkLink';

/**
 * Asks the operating system to open `briefmark://` links (clicked in Obsidian, say) with this
 * app. Run from source, the app is Electron plus the app's folder, so both make the command;
 * packaged, the executable alone is the app. Returns whether the system took the request.
 */
export function setAsBriefmarkLinkHandler(): boolean {
  // Reviewed for Electronegativity: a link only ever reaches OpenLinkQueue, which takes strict
  // highlight links (parseBriefmarkHref) and drops anything else, so a crafted link can open a
  // passage but run nothing, read no file and load no page.
  const scheme = BRIEFMARK_LINK_SCHEME;
  if (app.isPackaged) return app.setAsDefaultProtocolClient(scheme); // eng-disable PROTOCOL_HANDLER_JS_CHECK
  const fromSource = [app.getAppPath()];
  return app.setAsDefaultProtocolClient(scheme, process.execPath, fromSource); // eng-disable PROTOCOL_HANDLER_JS_CHECK
}
