import { app, BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import { chooseFilesToImport } from './chooseFilesToImport';

/** A small native menu of standard roles; developer tools only when running from source. */
export function buildAppMenu(options: { withDevTools: boolean }): Menu {
  const isMac = process.platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload' },
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (options.withDevTools) view.push({ type: 'separator' }, { role: 'toggleDevTools' });

  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    {
      label: 'File',
      submenu: [
        {
          label: 'Import…',
          accelerator: 'CmdOrCtrl+O',
          click: (_item, window) => {
            const target =
              window instanceof BrowserWindow ? window : BrowserWindow.getAllWindows()[0];
            if (target) void chooseFilesToImport(target);
          },
        },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        {
          label: `About ${app.getName()} ${app.getVersion()}`,
          click: () => app.showAboutPanel(),
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
