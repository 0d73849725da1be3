import type { ExportedFile } from '../../../../shared/api';
import type { ExportOptions } from '../../../../shared/exportOptions';
import { api } from '../../api/api';
import { saveTextFile } from './saveTextFile';

export interface SaveExportRequest {
  /** `null`: every brief in the library. */
  briefIds: string[] | null;
  options: ExportOptions;
  /**
   * In the desktop app, one brief's Markdown alone goes through a save dialog for that file;
   * otherwise the desktop app asks for a folder and writes every file into it.
   */
  oneFileSaveDialog: boolean;
}

export type SaveExportOutcome =
  | { kind: 'downloaded'; fileNames: string[]; briefCount: number }
  /** The desktop app took the one file to its save dialog. */
  | { kind: 'saveDialog'; fileNames: string[]; briefCount: number }
  | { kind: 'folder'; folder: string; fileNames: string[]; briefCount: number }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

export interface SaveExportProgress {
  /** Files handed to the browser so far, of `total`; 0 of 0 while the export is being made. */
  done: number;
  total: number;
}

// Browsers may drop downloads started in the same instant; a short pause lets each one start.
const DOWNLOAD_GAP_MS = 120;

/**
 * Saves an export: in the desktop app into a folder the user picks (or, for a single Markdown
 * file, through its save dialog); in web mode as one download per file. The options are
 * remembered by the export, as the dialogs promise.
 */
export async function saveExport(
  request: SaveExportRequest,
  onProgress: (progress: SaveExportProgress) => void = () => undefined,
): Promise<SaveExportOutcome> {
  const { briefIds, options } = request;
  const bridge = window.briefmark;
  const oneFile = briefIds !== null && briefIds.length === 1 && !options.sidecar;
  onProgress({ done: 0, total: 0 });
  if (
    bridge &&
    typeof bridge.exportToFolder === 'function' &&
    !(oneFile && request.oneFileSaveDialog)
  ) {
    try {
      const result = await bridge.exportToFolder({ briefIds, options });
      if (!result.ok) return { kind: 'failed', message: result.error.message };
      if (result.value === null) return { kind: 'cancelled' };
      const { folder, fileNames } = result.value;
      return { kind: 'folder', folder, fileNames, briefCount: markdownCount(fileNames) };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { kind: 'failed', message: `The app did not write the files (${reason}).` };
    }
  }

  const result = await api['export.files']({ briefIds, options });
  if (!result.ok) return { kind: 'failed', message: result.error.message };
  const { files } = result.value;
  if (files.length === 0) {
    return { kind: 'failed', message: 'There are no briefs to export. Import a brief first.' };
  }
  await download(files, onProgress);
  return {
    kind: bridge && files.length === 1 ? 'saveDialog' : 'downloaded',
    fileNames: files.map((file) => file.fileName),
    briefCount: new Set(files.map((file) => file.briefId)).size,
  };
}

async function download(
  files: readonly ExportedFile[],
  onProgress: (progress: SaveExportProgress) => void,
): Promise<void> {
  for (const [index, file] of files.entries()) {
    if (index > 0) await new Promise((resolve) => setTimeout(resolve, DOWNLOAD_GAP_MS));
    saveTextFile(file.fileName, file.text, `${file.mediaType};charset=utf-8`);
    onProgress({ done: index + 1, total: files.length });
  }
}

function markdownCount(fileNames: readonly string[]): number {
  return fileNames.filter((name) => name.toLowerCase().endsWith('.md')).length;
}
