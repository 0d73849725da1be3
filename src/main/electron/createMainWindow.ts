import { app, BrowserWindow } from 'electron';

export interface MainWindowOptions {
  /** The emitted sandboxed preload bundle (out/preload/index.cjs). */
  preloadPath: string;
  /** app://briefmark/index.html, or the dev server's URL under electron-vite dev. */
  startUrl: string;
  withDevTools: boolean;
}

/** Opens the reader window with Electron's isolation switched fully on. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: app.getName(),
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      // Reviewed for Electronegativity: the preload is the app's own sandboxed bundle and exposes
      // only the typed API (src/preload/index.ts), never ipcRenderer or Node.
      preload: options.preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click would otherwise ask for a new window; the window open handler denies it
      // anyway, and this keeps the request from being made.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
      devTools: options.withDevTools,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.startUrl);
  return window;
}
