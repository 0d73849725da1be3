import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { createDispatch } from './api/dispatch';
import { LibraryLock } from './db/LibraryLock';
import { resolveDatabasePath } from './dataLocation';
import { APP_START_URL } from './electron/appOrigin';
import { briefmarkLinkFromArgv } from './electron/briefmarkLinkFromArgv';
import { buildAppMenu } from './electron/buildAppMenu';
import { createMainWindow } from './electron/createMainWindow';
import { denyPermissions } from './electron/denyPermissions';
import { describeStartupError } from './electron/describeStartupError';
import { electronSqliteBinding } from './electron/electronSqliteBinding';
import { handleDownloads } from './electron/handleDownloads';
import { hardenWebContents } from './electron/hardenWebContents';
import { OpenLinkQueue } from './electron/OpenLinkQueue';
import { registerAppProtocol, registerAppSchemeAsPrivileged } from './electron/registerAppProtocol';
import { registerApiHandler } from './electron/registerApiHandler';
import { setAsBriefmarkLinkHandler } from './electron/setAsBriefmarkLinkHandler';
import { createWorkerImporter } from './import/worker/createWorkerImporter';
import { LibraryHost } from './services/LibraryHost';

const APP_NAME = 'Briefmark';
// out/main/index.js sits next to out/preload and out/renderer.
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..');

registerAppSchemeAsPrivileged();
app.setName(APP_NAME);
// Pin the data folder to the name the CLI and web mode compute, whatever package.json says;
// BRIEFMARK_USER_DATA_DIR gives tests a profile (and single-instance lock) of their own.
const userDataOverride = process.env.BRIEFMARK_USER_DATA_DIR;
app.setPath(
  'userData',
  userDataOverride ? resolve(userDataOverride) : join(app.getPath('appData'), APP_NAME),
);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  run();
}

function run(): void {
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  const withDevTools = !app.isPackaged;
  let host: LibraryHost | null = null;
  let mainWindow: BrowserWindow | null = null;
  const links = new OpenLinkQueue();

  const openWindow = (): void => {
    mainWindow = createMainWindow({
      preloadPath: join(outDir, 'preload', 'index.cjs'),
      startUrl: devServerUrl ?? APP_START_URL,
      withDevTools,
    });
    links.attach(mainWindow);
    mainWindow.on('closed', () => (mainWindow = null));
  };

  // Focuses the window, or reopens it (macOS) once the library is open or its backups offered.
  const showWindow = (): void => {
    if (!mainWindow) {
      if (host) openWindow();
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  };

  // A briefmark:// link clicked in another app: shown in the window, which waits for it if it
  // is not there yet. Only strict highlight links get through (OpenLinkQueue checks).
  const openLink = (href: string | null): void => {
    if (href !== null && links.open(href)) showWindow();
  };

  // Test profiles (BRIEFMARK_USER_DATA_DIR) must not take the system's links from the real app.
  if (!userDataOverride) setAsBriefmarkLinkHandler();
  // macOS hands links over with open-url, possibly before ready; Windows and Linux start the app
  // with the link as an argument, or pass the argument to the running one (second-instance).
  app.on('open-url', (event, url) => {
    event.preventDefault();
    openLink(url);
  });
  openLink(briefmarkLinkFromArgv(process.argv));

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', (_event, argv) => {
    // A second launch means "show me Briefmark", and perhaps "at this link".
    const href = briefmarkLinkFromArgv(argv);
    if (href === null) showWindow();
    else openLink(href);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Last event before exit: pending note saves from the closing window have been answered.
  app.on('quit', () => host?.close());

  void app.whenReady().then(() => {
    try {
      // One app per library, before it is touched: the single-instance lock covers only this
      // profile, and another (BRIEFMARK_USER_DATA_DIR, --db) may have the same library open.
      const lock = LibraryLock.acquire(
        resolveDatabasePath({
          argv: process.argv,
          env: process.env,
          userDataDir: app.getPath('userData'),
        }),
        'desktop',
      );
      app.once('quit', () => lock?.release());
      // A damaged library opens the window on the recovery screen, which offers its backups;
      // other failures (a newer Briefmark's library, say) still stop here with a message.
      host = LibraryHost.forFile({
        dbPath: resolveDatabasePath({
          argv: process.argv,
          env: process.env,
          userDataDir: app.getPath('userData'),
        }),
        sampleBriefPath: join(app.getAppPath(), 'resources', 'sample-brief.txt'),
        // Imports run in a worker thread (emitted beside this bundle) so the window never waits.
        runImport: createWorkerImporter({
          workerUrl: new URL('./importWorker.js', import.meta.url),
        }),
        nativeBinding: electronSqliteBinding({
          appPath: app.getAppPath(),
          electronVersion: process.versions.electron,
          isPackaged: app.isPackaged,
          env: process.env,
        }),
      }).open();
    } catch (error) {
      dialog.showErrorBox('Briefmark could not start', describeStartupError(error));
      app.exit(1);
      return;
    }
    denyPermissions(session.defaultSession);
    handleDownloads(session.defaultSession);
    registerAppProtocol(join(outDir, 'renderer'));
    registerApiHandler(createDispatch(host), devServerUrl);
    Menu.setApplicationMenu(buildAppMenu({ withDevTools }));
    openWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });
}
