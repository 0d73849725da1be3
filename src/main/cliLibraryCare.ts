import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { backupTimeText } from './db/backupFileName';
import { diagnoseLibrary, type LibraryDiagnosis } from './db/diagnoseLibrary';
import { DatabaseError } from './db/DatabaseError';
import { LibraryBackups, type CheckedBackup } from './db/LibraryBackups';
import { LibraryLock, libraryInUseMessage } from './db/LibraryLock';

/** Where the library-care commands write; the same streams as the rest of the CLI. */
export interface CareOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** `briefmark doctor`: checks the library; exit code 0 when healthy, 1 when not. */
export function doctor(dbPath: string, json: boolean, out: CareOutput): number {
  const diagnosis = diagnoseLibrary(dbPath);
  if (json) out.stdout(JSON.stringify(diagnosis, null, 2));
  else out.stdout(describeDiagnosis(diagnosis));
  return diagnosis.healthy ? 0 : 1;
}

/** `briefmark backup`: a manual backup now; prints its path. */
export async function backup(dbPath: string, json: boolean, out: CareOutput): Promise<number> {
  const taken = await new LibraryBackups(dbPath).takeBackup('manual');
  out.stdout(json ? JSON.stringify(backupJson(taken), null, 2) : taken.path);
  return 0;
}

/**
 * `briefmark restore`: without a target lists the backups, numbered; with a file or a number
 * from that list restores it and says where the library as it was is saved.
 */
export function restore(
  dbPath: string,
  target: string | undefined,
  json: boolean,
  out: CareOutput,
): number {
  const backups = new LibraryBackups(dbPath);
  if (target === undefined) {
    const list = backups.list();
    if (json) out.stdout(JSON.stringify(list.map(backupJson), null, 2));
    else out.stdout(describeBackups(backups, list));
    return 0;
  }
  // The app would go on with the library it has open and write over the restored one.
  const holder = LibraryLock.holder(dbPath);
  if (holder) {
    throw new DatabaseError(
      'library_in_use',
      `Briefmark did not restore the backup: ${libraryInUseMessage(dbPath, holder)} Nothing was changed.`,
    );
  }
  const result = backups.restore(backupPathFor(backups, target));
  if (json) {
    out.stdout(
      JSON.stringify(
        {
          restored: result.restored,
          library: result.library,
          previous: result.previous && backupJson(result.previous),
          previousCopiedAsIs: result.previousCopiedAsIs,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  out.stdout(`Restored ${result.restored} into ${result.library}.`);
  if (result.previous === null) {
    out.stdout('There was no library there before.');
  } else if (result.previousCopiedAsIs) {
    out.stdout(
      `The library as it was could not be read whole, so its files were copied as they were to ${result.previous.path}.`,
    );
  } else {
    out.stdout(
      `The library as it was is saved as ${result.previous.path}; restore that to undo this.`,
    );
  }
  return 0;
}

// A number picks from the list `briefmark restore` prints, unless a file has that name.
function backupPathFor(backups: LibraryBackups, target: string): string {
  if (!/^\d+$/.test(target) || existsSync(target)) return target;
  const files = backups.files();
  const chosen = files[Number(target) - 1];
  if (!chosen) {
    throw new Error(
      files.length === 0
        ? `There are no backups in ${backups.folder} to restore.`
        : `There is no backup number ${target}: the list has ${files.length}. Run \`briefmark restore\` to see it.`,
    );
  }
  return chosen.path;
}

function describeBackups(backups: LibraryBackups, list: CheckedBackup[]): string {
  if (list.length === 0) {
    return `There are no backups of ${backups.libraryPath} yet. They are kept in ${backups.folder}; take one with: briefmark backup`;
  }
  const numberWidth = String(list.length).length;
  const reasonWidth = Math.max(...list.map(({ reason }) => reason.length));
  const lines = [`Backups of ${backups.libraryPath}, newest first (in ${backups.folder}):`];
  list.forEach((entry, index) => {
    const check = entry.check.ok
      ? 'passes its check'
      : `FAILS its check: ${entry.check.problems.join(' ')}`;
    lines.push(
      `${String(index + 1).padStart(numberWidth)}  ${backupTimeText(entry.takenAt)}  ${entry.reason.padEnd(reasonWidth)}  ${sizeText(entry.bytes).padStart(8)}  ${check}  ${entry.fileName}`,
    );
  });
  lines.push('Restore one with: briefmark restore <number|file>');
  return lines.join('\n');
}

function describeDiagnosis(diagnosis: LibraryDiagnosis): string {
  const { counts, backups } = diagnosis;
  const lines = [`Library: ${diagnosis.library}`];
  if (diagnosis.schemaVersion !== null) {
    lines.push(
      `Schema version: ${diagnosis.schemaVersion} (this Briefmark: ${diagnosis.latestSchemaVersion})`,
    );
  }
  lines.push(`Size: ${sizeText(diagnosis.fileBytes)}, WAL ${sizeText(diagnosis.walBytes)}`);
  if (counts) {
    lines.push(
      `Briefs: ${counts.briefs} (of them ${counts.supersededEditions} superseded ${plural(counts.supersededEditions, 'edition')})`,
      `Sections: ${counts.sections}`,
      `Highlights: ${counts.highlights} (of them ${counts.highlightsNotFound} not found)`,
      `Notes: ${counts.notes}`,
    );
  }
  if (backups.newest) {
    const { newest } = backups;
    lines.push(
      `Backups: ${backups.count} in ${backups.folder}; the newest is ${basename(newest.path)} ` +
        `(${newest.reason}, ${backupTimeText(new Date(newest.takenAt))}, ${sizeText(newest.bytes)}, ` +
        `${newest.passesCheck ? 'passes its check' : 'FAILS its check'})`,
    );
  } else {
    lines.push(`Backups: none yet in ${backups.folder}`);
  }
  if (diagnosis.healthy) {
    lines.push('Integrity check: ok', 'Foreign key check: ok', 'The library is healthy.');
  } else {
    lines.push(`${diagnosis.problems.length} ${plural(diagnosis.problems.length, 'problem')}:`);
    lines.push(...diagnosis.problems);
  }
  return lines.join('\n');
}

function backupJson(entry: CheckedBackup) {
  return {
    path: entry.path,
    reason: entry.reason,
    takenAt: entry.takenAt.toISOString(),
    bytes: entry.bytes,
    passesCheck: entry.check.ok,
    problems: entry.check.problems,
    schemaVersion: entry.check.schemaVersion,
  };
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
