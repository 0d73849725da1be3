import { type BrowserWindow, dialog, shell } from 'electron';

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** True for the only kinds of address Briefmark will ever hand to the operating system. */
export function isExternalUrlAllowed(url: string): boolean {
  try {
    return EXTERNAL_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/**
 * Asks the user before opening an http, https or mailto address in their own browser or mail
 * program; anything else is ignored.
 */
export async function confirmOpenExternal(
  url: string,
  parent: BrowserWindow | null,
): Promise<void> {
  if (!isExternalUrlAllowed(url)) return;
  const address = url.length > 300 ? `${url.slice(0, 300)}…` : url;
  const options: Electron.MessageBoxOptions = {
    type: 'question',
    buttons: ['Open', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    title: 'Open link',
    message: 'Open this address outside Briefmark?',
    detail: address,
    noLink: true,
  };
  const { response } = parent
    ? await dialog.showMessageBox(parent, options)
    : await dialog.showMessageBox(options);
  // Reviewed for Electronegativity: only http, https and mailto get here, after the user said yes.
  if (response === 0) await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
}
