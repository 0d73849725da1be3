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
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      devTools: options.withDevTools,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.startUrl);
  return window;
}
