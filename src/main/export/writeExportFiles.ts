import { mkdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { ExportedFile } from '../../shared/api';
import { ServiceError } from '../services/ServiceError';
import { writeFileAtomically } from './writeFileAtomically';

/**
 * Writes an export's files into `folder` (created if missing), each replaced whole, and returns
 * their paths in order. Names must be bare file names: a name that would climb out of the folder
 * is refused before anything is written.
 */
export function writeExportFiles(folder: string, files: readonly ExportedFile[]): string[] {
  const target = resolve(folder);
  for (const { fileName } of files) {
    if (fileName !== basename(fileName) || fileName.startsWith('.') || fileName.includes('\\')) {
      throw new ServiceError('invalid_request', `“${fileName}” is not a plain file name.`);
    }
  }
  try {
    mkdirSync(target, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new ServiceError('invalid_request', `${target} is a file, not a folder.`);
    }
    throw error;
  }
  if (!statSync(target).isDirectory()) {
    throw new ServiceError('invalid_request', `${target} is a file, not a folder.`);
  }
  return files.map(({ fileName, text }) => {
    const path = join(target, fileName);
    writeFileAtomically(path, text);
    return path;
  });
}
