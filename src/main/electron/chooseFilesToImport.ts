import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { type BrowserWindow, dialog } from 'electron';
import type { FileToImport } from '../../shared/api';
import { MENU_IMPORT_CHANNEL } from '../../shared/channels';
import { IMPORT_PICKER_EXTENSIONS, MAX_IMPORT_BYTES } from '../../shared/importLimits';

/**
 * File > Import…: the native open dialog (several files at once); the chosen files go to the
 * renderer, which imports them with its progress and error reporting.
 */
export async function chooseFilesToImport(window: BrowserWindow): Promise<void> {
  const { canceled, filePaths } = await dialog.showOpenDialog(window, {
    title: 'Import briefs',
    buttonLabel: 'Import',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'Briefs and annotations', extensions: [...IMPORT_PICKER_EXTENSIONS] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  if (canceled || filePaths.length === 0) return;
  const files: FileToImport[] = [];
  const problems: string[] = [];
  const limitMb = Math.round(MAX_IMPORT_BYTES / (1024 * 1024));
  for (const path of filePaths) {
    try {
      if ((await stat(path)).size > MAX_IMPORT_BYTES) {
        problems.push(`${basename(path)}: larger than ${limitMb} MB, the most Briefmark imports.`);
        continue;
      }
      files.push({ name: basename(path), bytes: await readFile(path) });
    } catch (error) {
      problems.push(`${basename(path)}: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) {
    dialog.showErrorBox('Some files could not be imported', problems.join('\n'));
  }
  if (files.length > 0 && !window.isDestroyed())
    window.webContents.send(MENU_IMPORT_CHANNEL, files);
}
