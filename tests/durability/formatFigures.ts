import type { CrashFigures } from './runCrashTrials';

/** The crash run's figures as a two-column table, the ones that must be 0 marked as such. */
export function formatFigures(figures: CrashFigures): string {
  const rows: [string, string | number][] = [
    ['seed (rerun with --seed)', figures.seed],
    ['kills (SIGKILL) / trials', `${figures.kills} / ${figures.trials}`],
    ['writes acknowledged', figures.acknowledgedWrites],
    ['acknowledged writes lost (must be 0)', figures.lostWrites],
    ['changes without a write (must be 0)', figures.unexplainedChanges],
    ['integrity_check failures (must be 0)', figures.integrityFailures],
    ['foreign key violations (must be 0)', figures.foreignKeyViolations],
    ['reopen failures (must be 0)', figures.reopenFailures],
    ['writes refused (must be 0)', figures.refusedWrites],
    ['writer failures (must be 0)', figures.writerFailures],
    ['kills with a write in flight: committed', figures.inFlight.committed],
    ['kills with a write in flight: not committed', figures.inFlight['not-committed']],
    ['kills with a write in flight: torn (must be 0)', figures.inFlight.torn],
    ['kills between writes', figures.inFlight.none + figures.inFlight['no-change']],
    ['kills during a WAL checkpoint', figures.killsDuringCheckpoint],
    ['backups taken / restores done', `${figures.backupsTaken} / ${figures.restoresDone}`],
    ['kills during a backup', figures.killsDuringBackup],
    [
      'kills during a restore: old state / restored',
      `${figures.restoreOutcomes.old} / ${figures.restoreOutcomes.restored}`,
    ],
    ['damaged or missing backups and restores (must be 0)', figures.backupProblems],
    [
      'half-written backups / restores left by kills',
      `${figures.partialsLeft} / ${figures.restoringLeft}`,
    ],
    ['stale half-written backups kept by a backup (must be 0)', figures.stalePartialsKept],
    [
      'first launches killed (while opening): found empty / with the sample',
      `${figures.openingOutcomes.empty + figures.openingOutcomes.sample} (${figures.killsDuringOpening}): ${figures.openingOutcomes.empty} / ${figures.openingOutcomes.sample}`,
    ],
    ['first launches damaged or not launching again (must be 0)', figures.openingFailures],
    ['largest WAL at a kill', `${(figures.largestWalAtKillBytes / 1024).toFixed(0)} KiB`],
    ['highlights / notes at the end', `${figures.finalHighlights} / ${figures.finalNotes}`],
    ['wall time', `${(figures.wallMs / 1000).toFixed(1)} s`],
    ...(figures.libraryPath ? [['library kept at', figures.libraryPath] as [string, string]] : []),
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}
