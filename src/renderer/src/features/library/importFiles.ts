import type { AnnotationRestore, ImportedBrief, ImportProgress } from '../../../../shared/api';
import { isAnnotationsFileName, MAX_IMPORT_BYTES } from '../../../../shared/importLimits';
import { api } from '../../api/api';
import { bytesToBase64 } from './bytesToBase64';

/** A file that could not be imported, with the reason in words. */
export interface ImportFailure {
  fileName: string;
  message: string;
}

/** A brief an import stored (or found already stored), with the file it came from. */
export type ImportedFile = ImportedBrief & { fileName: string };

/** What restoring an annotations file put back, with the file it came from. */
export type RestoredFile = AnnotationRestore & { fileName: string };

export interface ImportOutcome {
  imported: ImportedFile[];
  /** Annotations files (.json sidecars) whose highlights and notes were restored. */
  restored: RestoredFile[];
  failures: ImportFailure[];
  cancelled: boolean;
}

/** Where a batch import has got: which file, and how far into it (pages for a PDF). */
export interface ImportStatus {
  fileName: string;
  index: number;
  total: number;
  within: ImportProgress | null;
}

const POLL_MS = 250;

// The file as base64, or why it cannot be sent.
async function fileData(file: File): Promise<string | ImportFailure> {
  if (file.size > MAX_IMPORT_BYTES) {
    const limit = Math.round(MAX_IMPORT_BYTES / (1024 * 1024));
    return {
      fileName: file.name,
      message: `The file is larger than ${limit} MB, the most Briefmark imports.`,
    };
  }
  try {
    return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
  } catch {
    return { fileName: file.name, message: 'The file could not be read from disk.' };
  }
}

async function importOne(
  file: File,
  signal: AbortSignal,
  onWithin: (progress: ImportProgress) => void,
): Promise<ImportedBrief | ImportFailure | 'cancelled'> {
  const dataBase64 = await fileData(file);
  if (typeof dataBase64 !== 'string') return dataBase64;
  if (signal.aborted) return 'cancelled';

  const importId = crypto.randomUUID();
  const poll = setInterval(() => {
    void api['imports.progress']({ importId }).then((result) => {
      if (result.ok && result.value.progress) onWithin(result.value.progress);
    });
  }, POLL_MS);
  const cancel = () => void api['imports.cancel']({ importId });
  signal.addEventListener('abort', cancel);
  try {
    const result = await api['briefs.import']({ fileName: file.name, dataBase64, importId });
    if (result.ok) return result.value;
    if (result.error.code === 'cancelled') return 'cancelled';
    return { fileName: file.name, message: result.error.message };
  } finally {
    clearInterval(poll);
    signal.removeEventListener('abort', cancel);
  }
}

async function restoreOne(file: File): Promise<AnnotationRestore | ImportFailure> {
  const dataBase64 = await fileData(file);
  if (typeof dataBase64 !== 'string') return dataBase64;
  const result = await api['annotations.restore']({ fileName: file.name, dataBase64 });
  return result.ok ? result.value : { fileName: file.name, message: result.error.message };
}

/**
 * Imports files one after another; aborting cancels the file under way and skips the rest.
 * Annotations files (.json) come after the briefs, so one dropped together with its brief
 * finds the brief already in the library.
 */
export async function importFiles(
  files: readonly File[],
  options: { signal: AbortSignal; onStatus: (status: ImportStatus) => void },
): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { imported: [], restored: [], failures: [], cancelled: false };
  const ordered = [
    ...files.filter((file) => !isAnnotationsFileName(file.name)),
    ...files.filter((file) => isAnnotationsFileName(file.name)),
  ];
  for (const [index, file] of ordered.entries()) {
    if (options.signal.aborted) break;
    const status: ImportStatus = { fileName: file.name, index, total: files.length, within: null };
    options.onStatus(status);
    if (isAnnotationsFileName(file.name)) {
      const restored = await restoreOne(file);
      if ('message' in restored) outcome.failures.push(restored);
      else outcome.restored.push({ ...restored, fileName: file.name });
      continue;
    }
    const result = await importOne(file, options.signal, (within) =>
      options.onStatus({ ...status, within }),
    );
    if (result === 'cancelled') break;
    if ('message' in result) outcome.failures.push(result);
    else outcome.imported.push({ ...result, fileName: file.name });
  }
  outcome.cancelled = options.signal.aborted;
  return outcome;
}
