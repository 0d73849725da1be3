import type { ImportedBrief } from '../../../../shared/api';
import { MAX_IMPORT_BYTES } from '../../../../shared/importLimits';
import { api } from '../../api/api';
import { bytesToBase64 } from './bytesToBase64';

/** A file that could not be imported, with the reason in words. */
export interface ImportFailure {
  fileName: string;
  message: string;
}

export interface ImportOutcome {
  imported: ImportedBrief[];
  failures: ImportFailure[];
}

async function importOne(file: File): Promise<ImportedBrief | ImportFailure> {
  if (file.size > MAX_IMPORT_BYTES) {
    const limit = Math.round(MAX_IMPORT_BYTES / (1024 * 1024));
    return {
      fileName: file.name,
      message: `The file is larger than ${limit} MB, the most Briefmark imports.`,
    };
  }
  let dataBase64: string;
  try {
    dataBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
  } catch {
    return { fileName: file.name, message: 'The file could not be read from disk.' };
  }
  const result = await api['briefs.import']({ fileName: file.name, dataBase64 });
  return result.ok ? result.value : { fileName: file.name, message: result.error.message };
}

/** Imports files one after another, reporting progress as "n of total". */
export async function importFiles(
  files: readonly File[],
  onProgress: (done: number, total: number, fileName: string) => void,
): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { imported: [], failures: [] };
  for (const [index, file] of files.entries()) {
    onProgress(index, files.length, file.name);
    const result = await importOne(file);
    if ('message' in result) outcome.failures.push(result);
    else outcome.imported.push(result);
  }
  return outcome;
}
