import type { TrialFindings } from './compareWithAcks';
import type { BackupsInspection } from './inspectBackups';

/** What the crash run found of backups and restores among the writes. */
export interface BackupFigures {
  backupsTaken: number;
  restoresDone: number;
  killsDuringBackup: number;
  killsDuringRestore: number;
  /** Where a kill during a restore left the library: as it was, or restored. */
  restoreOutcomes: { old: number; restored: number };
  /** A damaged, missing or wrong backup, or a restore that left neither library: must be 0. */
  backupProblems: number;
  /** Hidden half-written backups left by kills, and half-written restores beside the library. */
  partialsLeft: number;
  restoringLeft: number;
  /** Left partials made stale, then still there after the next backup: must be 0. */
  stalePartialsKept: number;
}

export function emptyBackupFigures(): BackupFigures {
  return {
    backupsTaken: 0,
    restoresDone: 0,
    killsDuringBackup: 0,
    killsDuringRestore: 0,
    restoreOutcomes: { old: 0, restored: 0 },
    backupProblems: 0,
    partialsLeft: 0,
    restoringLeft: 0,
    stalePartialsKept: 0,
  };
}

export function addBackupFindings(
  figures: BackupFigures,
  findings: TrialFindings,
  inspection: BackupsInspection,
): void {
  figures.backupsTaken += findings.backupsTaken;
  figures.restoresDone += findings.restoresDone;
  if (findings.duringBackup) figures.killsDuringBackup += 1;
  if (findings.duringRestore) figures.killsDuringRestore += 1;
  if (findings.duringRestore === 'old' || findings.duringRestore === 'restored') {
    figures.restoreOutcomes[findings.duringRestore] += 1;
  }
  figures.backupProblems += inspection.problems.length;
  figures.restoringLeft += inspection.restoringLeft;
}
