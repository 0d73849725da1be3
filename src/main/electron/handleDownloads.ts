import { basename, join } from 'node:path';
import { app, type Session } from 'electron';

/**
 * Makes every download (the renderer's Markdown export) ask where to save, starting in the
 * folder last used or else in Documents, with the name the renderer proposed.
 */
export function handleDownloads(session: Session): void {
  let lastFolder: string | null = null;
  session.on('will-download', (_event, item) => {
    const folder = lastFolder ?? app.getPath('documents');
    const fileName = basename(item.getFilename() || 'brief.md');
    const isMarkdown = /\.(md|markdown)$/i.test(fileName);
    item.setSaveDialogOptions({
      title: 'Export',
      buttonLabel: 'Save',
      defaultPath: join(folder, fileName),
      filters: isMarkdown
        ? [
            { name: 'Markdown', extensions: ['md'] },
            { name: 'All files', extensions: ['*'] },
          ]
        : [{ name: 'All files', extensions: ['*'] }],
    });
    item.once('done', (_doneEvent, state) => {
      const savedTo = item.getSavePath();
      if (state === 'completed' && savedTo) lastFolder = join(savedTo, '..');
      if (state === 'interrupted') console.error(`briefmark: saving ${fileName} was interrupted`);
    });
  });
}
