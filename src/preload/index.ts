import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { BriefmarkBridge, FileToImport } from '../shared/api';
import { API_CHANNEL, EXPORT_TO_FOLDER_CHANNEL, MENU_IMPORT_CHANNEL } from '../shared/channels';

const bridge: BriefmarkBridge = {
  invoke: (method, request) => ipcRenderer.invoke(API_CHANNEL, method, request),
  onImportFiles: (listener) => {
    // The event object stays on this side: the renderer gets only the files.
    const forward = (_event: IpcRendererEvent, files: FileToImport[]) => listener(files);
    ipcRenderer.on(MENU_IMPORT_CHANNEL, forward);
    return () => ipcRenderer.removeListener(MENU_IMPORT_CHANNEL, forward);
  },
  exportToFolder: (request) => ipcRenderer.invoke(EXPORT_TO_FOLDER_CHANNEL, request),
};

// The renderer gets these functions; everything else stays on this side of the bridge.
contextBridge.exposeInMainWorld('briefmark', bridge);
