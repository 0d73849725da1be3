import { BrowserWindow, dialog, type WebContents } from 'electron';
import { confirmOpenExternal } from './confirmOpenExternal';

/**
 * Locks down every web contents the app creates: no navigation away from the app, no new
 * windows, no <webview>. Links to http, https and mailto open outside after the user confirms.
 */
export function hardenWebContents(contents: WebContents): void {
  const offerExternally = (url: string): void => {
    const owner = BrowserWindow.fromWebContents(contents);
    confirmOpenExternal(url, owner).catch((error: unknown) => {
      console.error('briefmark: could not open an external link', error);
    });
  };

  contents.on('will-navigate', (event) => {
    event.preventDefault();
    offerExternally(event.url);
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  // The renderer holds the window open while a note is unsaved; let the user decide.
  contents.on('will-prevent-unload', (event) => {
    const owner = BrowserWindow.fromWebContents(contents);
    const options = {
      type: 'warning' as const,
      message: 'A note has not been saved yet.',
      detail:
        'Briefmark is still trying to save it. If you close now, the latest changes may be lost.',
      buttons: ['Keep Open', 'Close Anyway'],
      defaultId: 0,
      cancelId: 0,
    };
    const choice = owner
      ? dialog.showMessageBoxSync(owner, options)
      : dialog.showMessageBoxSync(options);
    // preventDefault here ignores the renderer's beforeunload and lets the window close.
    if (choice === 1) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    offerExternally(url);
    return { action: 'deny' };
  });
}
