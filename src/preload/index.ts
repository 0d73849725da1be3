import { contextBridge, ipcRenderer } from 'electron';
import type { BriefmarkBridge } from '../shared/api';
import { API_CHANNEL } from '../shared/channels';

const bridge: BriefmarkBridge = {
  invoke: (method, request) => ipcRenderer.invoke(API_CHANNEL, method, request),
};

// The renderer gets exactly one function; everything else stays on this side of the bridge.
contextBridge.exposeInMainWorld('briefmark', bridge);
