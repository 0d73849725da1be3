import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { BriefmarkBridge, FileToImport } from '../shared/api';
import {
  API_CHANNEL,
  EXPORT_TO_FOLDER_CHANNEL,
  MENU_IMPORT_CHANNEL,
  OPEN_LINK_CHANNEL,
} from '../shared/channels';

// The app starts listening for links only once it has rendered; a link main sent before that
// (the click that launched the app) waits here and goes to the first listener.
const waitingLinks: string[] = [];
const linkListeners = new Set<(href: string) => void>();
ipcRenderer.on(OPEN_LINK_CHANNEL, (_event: IpcRendererEvent, href: unknown) => {
  if (typeof href !== 'string') return;
  if (linkListeners.size === 0) waitingLinks.push(href);
  else linkListeners.forEach((listener) => listener(href));
});

const bridge: BriefmarkBridge = {
  invoke: (method, request) => ipcRenderer.invoke(API_CHANNEL, method, request),
  onImportFiles: (listener) => {
    // The event object stays on this side: the renderer gets only the files.
    const forward = (_event: IpcRendererEvent, files: FileToImport[]) => listener(files);
    ipcRenderer.on(MENU_IMPORT_CHANNEL, forward);
    return () => ipcRenderer.removeListener(MENU_IMPORT_CHANNEL, forward);
  },
  exportToFolder: (request) => ipcRenderer.invoke(EXPORT_TO_FOLDER_CHANNEL, request),
  onOpenLink: (listener) => {
    linkListeners.add(listener);
    waitingLinks.splice(0).forEach((href) => listener(href));
    return () => linkListeners.delete(listener);
  },
};

// The renderer gets these functions; everything else stays on this side of the bridge.
contextBridge.exposeInMainWorld('briefmark', bridge);
