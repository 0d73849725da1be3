import { ipcMain, type WebFrameMain } from 'electron';
import type { ApiResult } from '../../shared/api';
import { API_CHANNEL } from '../../shared/channels';
import { isAppUrl } from './appOrigin';

type Dispatch = (method: unknown, request: unknown) => Promise<ApiResult<unknown>>;

const REFUSED: ApiResult<never> = {
  ok: false,
  error: {
    code: 'invalid_request',
    message: 'This request did not come from Briefmark’s own window, so it was refused.',
  },
};

/**
 * Answers API calls from the renderer on the one IPC channel, after checking they come from the
 * app's own top-level page. Returns a function that removes the handler.
 */
export function registerApiHandler(
  dispatch: Dispatch,
  devServerUrl: string | undefined,
): () => void {
  ipcMain.handle(API_CHANNEL, (event, method: unknown, request: unknown) => {
    if (!isTrustedFrame(event.senderFrame, devServerUrl)) return REFUSED;
    return dispatch(method, request);
  });
  return () => ipcMain.removeHandler(API_CHANNEL);
}

function isTrustedFrame(frame: WebFrameMain | null, devServerUrl: string | undefined): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url, devServerUrl);
}
