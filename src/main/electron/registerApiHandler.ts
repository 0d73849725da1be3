import { BrowserWindow, dialog, ipcMain, type WebFrameMain } from 'electron';
import type { ApiResult, ExportedFile } from '../../shared/api';
import { API_CHANNEL, EXPORT_TO_FOLDER_CHANNEL } from '../../shared/channels';
import { writeExportFiles } from '../export/writeExportFiles';
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
 * app's own top-level page. Returns a function that removes the handlers.
 */
export function registerApiHandler(
  dispatch: Dispatch,
  devServerUrl: string | undefined,
): () => void {
  ipcMain.handle(API_CHANNEL, (event, method: unknown, request: unknown) => {
    if (!isTrustedFrame(event.senderFrame, devServerUrl)) return REFUSED;
    return dispatch(method, request);
  });
  // The files are made here from the request, never taken from the renderer, so a compromised
  // page can choose which briefs to export but not what gets written or where.
  ipcMain.handle(EXPORT_TO_FOLDER_CHANNEL, async (event, request: unknown) => {
    if (!isTrustedFrame(event.senderFrame, devServerUrl)) return REFUSED;
    const exported = await dispatch('export.files', request);
    if (!exported.ok) return exported;
    const window = BrowserWindow.fromWebContents(event.sender);
    const options: Electron.OpenDialogOptions = {
      title: 'Export into folder',
      buttonLabel: 'Export here',
      properties: ['openDirectory', 'createDirectory'],
    };
    const { canceled, filePaths } = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options);
    const folder = filePaths[0];
    if (canceled || folder === undefined) return { ok: true, value: null };
    const { files } = exported.value as { files: ExportedFile[] };
    try {
      writeExportFiles(folder, files);
    } catch (error) {
      return {
        ok: false,
        error: {
          code: 'internal_error',
          message: `The export could not be written to ${folder}: ${(error as Error).message}`,
        },
      };
    }
    return { ok: true, value: { folder, fileNames: files.map((file) => file.fileName) } };
  });
  return () => {
    ipcMain.removeHandler(API_CHANNEL);
    ipcMain.removeHandler(EXPORT_TO_FOLDER_CHANNEL);
  };
}

function isTrustedFrame(frame: WebFrameMain | null, devServerUrl: string | undefined): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url, devServerUrl);
}
