import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { createDispatch } from './api/dispatch';
import { resolveDatabasePath } from './dataLocation';
import { APP_START_URL } from './electron/appOrigin';
import { buildAppMenu } from './electron/buildAppMenu';
import { createMainWindow } from './electron/createMainWindow';
import { denyPermissions } from './electron/denyPermissions';
import { describeStartupError } from './electron/describeStartupError';
import { electronSqliteBinding } from './electron/electronSqliteBinding';
import { handleDownloads } from './electron/handleDownloads';
import { hardenWebContents } from './electron/hardenWebContents';
import { registerAppProtocol, registerAppSchemeAsPrivileged } from './electron/registerAppProtocol';
import { registerApiHandler } from './electron/registerApiHandler';
import { createWorkerImporter } from './import/worker/createWorkerImporter';
import { openLibrary } from './services/openLibrary';

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
  let library: ReturnType<typeof openLibrary> | null = null;
  let mainWindow: BrowserWindow | null = null;

  const openWindow = (): void => {
    mainWindow = createMainWindow({
      preloadPath: join(outDir, 'preload', 'index.cjs'),
      startUrl: devServerUrl ?? APP_START_URL,
      withDevTools,
    });
    mainWindow.on('closed', () => (mainWindow = null));
  };

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', () => {
    // A second launch means "show me Briefmark": focus the window, or reopen it (macOS).
    if (!mainWindow) {
      if (library) openWindow();
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Last event before exit: pending note saves from the closing window have been answered.
  app.on('quit', () => library?.close());

  void app.whenReady().then(() => {
    try {
      library = openLibrary({
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
      });
    } catch (error) {
      dialog.showErrorBox('Briefmark could not start', describeStartupError(error));
      app.exit(1);
      return;
    }
    denyPermissions(session.defaultSession);
    handleDownloads(session.defaultSession);
    registerAppProtocol(join(outDir, 'renderer'));
    registerApiHandler(createDispatch(library), devServerUrl);
    Menu.setApplicationMenu(buildAppMenu({ withDevTools }));
    openWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });
}
