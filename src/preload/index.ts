import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNEL } from '../shared/channels';

// The renderer gets exactly one function; everything else stays on this side of the bridge.
contextBridge.exposeInMainWorld('briefmark', {
  invoke: (method: string, request: unknown): Promise<unknown> =>
    ipcRenderer.invoke(API_CHANNEL, method, request),
});
