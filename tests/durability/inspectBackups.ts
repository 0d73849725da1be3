import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { LibraryBackups } from '../../src/main/db/LibraryBackups';
import type { TrialFindings } from './compareWithAcks';
import { readLibraryState } from './readLibraryState';

export interface BackupsInspection {
  /** What a user restoring would trip over: each one is a failure. */
  problems: string[];
  /** Hidden half-written restores beside the library, left by a kill during a restore. */
  restoringLeft: number;
}

/**
 * Looks at the backups folder after a kill, as the backups dialog would list it: every backup
 * listed passes its check, every backup the writer was told about is there holding what the
 * library held then, and when a restore in flight was found done, the library as it was before
 * is in the newest before-restore backup.
 */
export async function inspectBackups(
  dbPath: string,
  sampleBriefPath: string,
  findings: TrialFindings,
): Promise<BackupsInspection> {
  const backups = new LibraryBackups(dbPath);
  const listed = backups.list();
  const problems: string[] = [];
  for (const backup of listed) {
    if (backup.fileName.startsWith('.'))
      problems.push(`a hidden file is listed: ${backup.fileName}`);
    if (!backup.check.ok) {
      problems.push(`backup ${backup.fileName} fails its check: ${backup.check.problems[0]}`);
    }
  }

  const holds = async (path: string, state: object, what: string) => {
    const found = await readBackupState(path, sampleBriefPath);
    if (found.integrityProblems.length > 0) {
      problems.push(`${what}: integrity_check: ${found.integrityProblems[0]}`);
    } else if (!isDeepStrictEqual(found.state, state)) {
      problems.push(`${what} does not hold what the library held when it was taken`);
    }
  };
  for (const [fileName, state] of findings.backups) {
    const backup = listed.find((file) => file.fileName === fileName);
    if (!backup) problems.push(`acknowledged backup ${fileName} is missing`);
    else await holds(backup.path, state, `acknowledged backup ${fileName}`);
  }
  if (findings.stateBeforeRestore) {
    const saved = listed.find((file) => file.reason === 'before-restore');
    if (!saved) problems.push('the library was restored without a before-restore backup');
    else await holds(saved.path, findings.stateBeforeRestore, `before-restore ${saved.fileName}`);
  }
  if (findings.duringRestore === 'neither') {
    problems.push('a kill during a restore left neither the library nor the backup');
  }

  return {
    problems,
    restoringLeft: hiddenFiles(dirname(backups.libraryPath), '.restoring').length,
  };
}

/** The hidden leftovers of this kind in `folder`. */
export function hiddenFiles(folder: string, ending: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.startsWith('.') && name.endsWith(ending))
    .map((name) => join(folder, name));
}

// A copy, opened as the app would open the backup once restored, so the backup is not touched.
async function readBackupState(path: string, sampleBriefPath: string) {
  const dir = mkdtempSync(join(tmpdir(), 'briefmark-backup-'));
  try {
    const copy = join(dir, 'library.sqlite3');
    copyFileSync(path, copy);
    return await readLibraryState(copy, sampleBriefPath);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
