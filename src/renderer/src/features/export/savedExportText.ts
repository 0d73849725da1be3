import type { SaveExportOutcome } from './saveExport';

type Saved = Exclude<SaveExportOutcome, { kind: 'cancelled' } | { kind: 'failed' }>;

/** The line that says what an export saved, and where. */
export function savedExportText(outcome: Saved): string {
  const files = outcome.fileNames.length;
  switch (outcome.kind) {
    case 'folder':
      return `Exported ${count(outcome.briefCount, 'brief')} to ${outcome.folder}`;
    case 'saveDialog':
      return `Saving “${outcome.fileNames[0] ?? ''}” where you choose.`;
    case 'downloaded':
      return files === 1
        ? `Downloaded “${outcome.fileNames[0] ?? ''}”`
        : `Downloaded ${count(files, 'file')}`;
  }
}

function count(n: number, noun: string): string {
  return n === 1 ? `1 ${noun}` : `${n} ${noun}s`;
}
