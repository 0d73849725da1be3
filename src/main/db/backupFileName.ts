import { basename, extname } from 'node:path';

/** Why a backup was taken; `before-migration-5` is the copy made before moving to schema 5. */
export type BackupReason = 'daily' | 'manual' | 'before-restore' | `before-migration-${number}`;

export interface ParsedBackupName {
  reason: BackupReason;
  takenAt: Date;
  /** 0, or 2, 3… when several backups with the same reason were taken in the same second. */
  counter: number;
}

export const BACKUP_EXTENSION = '.sqlite3';

/** `library.sqlite3` → `library`: backups of different library files in one folder stay apart. */
export function libraryStem(libraryPath: string): string {
  const name = basename(libraryPath);
  const extension = extname(name);
  return extension ? name.slice(0, -extension.length) : name;
}

/**
 * `library-2026-11-28T031500Z-daily.sqlite3`: the UTC time first, so names sort by time, then
 * the reason, so a listing says why each was taken.
 */
export function backupFileName(
  stem: string,
  takenAt: Date,
  reason: BackupReason,
  counter = 0,
): string {
  const stamp = takenAt
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '');
  return `${stem}-${stamp}-${reason}${counter > 0 ? `-${counter}` : ''}${BACKUP_EXTENSION}`;
}

const NAME_PATTERN =
  /^(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})(\d{2})Z-(daily|manual|before-restore|before-migration-\d+)(?:-(\d+))?\.sqlite3$/;

/** The reason and time in a backup's file name, or null for any other file. */
export function parseBackupFileName(stem: string, fileName: string): ParsedBackupName | null {
  if (!fileName.startsWith(`${stem}-`)) return null;
  const match = NAME_PATTERN.exec(fileName.slice(stem.length + 1));
  if (!match) return null;
  const [, day, hours, minutes, seconds, reason, counter] = match;
  const takenAt = new Date(`${day}T${hours}:${minutes}:${seconds}Z`);
  if (Number.isNaN(takenAt.getTime())) return null;
  return {
    reason: reason as BackupReason,
    takenAt,
    counter: counter === undefined ? 0 : Number(counter),
  };
}

/** `2026-11-28 03:15 UTC`: a backup's time as listings and messages show it. */
export function backupTimeText(takenAt: Date): string {
  return `${takenAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
