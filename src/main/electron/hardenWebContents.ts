import { BrowserWindow, type WebContents } from 'electron';
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
  contents.setWindowOpenHandler(({ url }) => {
    offerExternally(url);
    return { action: 'deny' };
  });
}
