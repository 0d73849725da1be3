import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LibraryBackups } from '../../src/main/db/LibraryBackups';
import { mulberry32 } from '../fuzz/mulberry32';
import { addBackupFindings, emptyBackupFigures, type BackupFigures } from './backupFigures';
import { bundleWriter, projectRoot } from './bundleWriter';
import { compareWithAcks, type InFlightOutcome } from './compareWithAcks';
import { hiddenFiles, inspectBackups } from './inspectBackups';
import { readLibraryState } from './readLibraryState';
import { emptyOpeningFigures, runOpeningTrials, type OpeningFigures } from './runOpeningTrials';
import { startWriter, type Writer } from './startWriter';
import { sweepStalePartials } from './sweepStalePartials';
import type { LibraryState } from './writerMessages';

export interface CrashTrialOptions {
  trials: number;
  seed: number;
  /** The kill comes this long after the writer says it is writing: [shortest, longest]. */
  killDelayMs: [number, number];
  /** Progress and failure details, a line at a time. */
  log?: (line: string) => void;
  /** Writers back up and restore over and over, so kills land mostly in those (driveWrites). */
  backupsFirst?: boolean;
  /** Trials, after the others, that kill a first launch of a new library: 0 by default. */
  openingTrials?: number;
}

export interface CrashFigures extends BackupFigures, OpeningFigures {
  seed: number;
  trials: number;
  kills: number;
  acknowledgedWrites: number;
  lostWrites: number;
  unexplainedChanges: number;
  refusedWrites: number;
  integrityFailures: number;
  foreignKeyViolations: number;
  reopenFailures: number;
  /** Writers that exited before their kill, or never got to writing. */
  writerFailures: number;
  inFlight: Record<InFlightOutcome, number>;
  killsDuringCheckpoint: number;
  largestWalAtKillBytes: number;
  finalHighlights: number;
  finalNotes: number;
  wallMs: number;
  /** Kept when something failed, for a look at the file; removed otherwise. */
  libraryPath: string | null;
}

/** True when the run found nothing wrong: what `npm run test:durability` exits on. */
export function crashFiguresPass(figures: CrashFigures): boolean {
  return (
    figures.kills === figures.trials &&
    figures.acknowledgedWrites > 0 &&
    figures.lostWrites === 0 &&
    figures.unexplainedChanges === 0 &&
    figures.refusedWrites === 0 &&
    figures.integrityFailures === 0 &&
    figures.foreignKeyViolations === 0 &&
    figures.reopenFailures === 0 &&
    figures.writerFailures === 0 &&
    figures.inFlight.torn === 0 &&
    figures.backupProblems === 0 &&
    figures.stalePartialsKept === 0 &&
    figures.openingFailures === 0
  );
}

const READY_TIMEOUT_MS = 60_000;

/**
 * Kills a writer process with SIGKILL at a random moment, `trials` times, on one library file
 * that carries over from trial to trial; after each kill reopens the file as the app would and
 * checks that every acknowledged write is there and that SQLite finds the file sound.
 */
export async function runCrashTrials(options: CrashTrialOptions): Promise<CrashFigures> {
  const log = options.log ?? (() => undefined);
  const random = mulberry32(options.seed);
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'briefmark-durability-'));
  const dbPath = join(dir, 'library.sqlite3');
  const sampleBriefPath = join(projectRoot, 'resources', 'sample-brief.txt');
  const bundle = await bundleWriter();
  const figures: CrashFigures = {
    seed: options.seed,
    trials: options.trials,
    kills: 0,
    acknowledgedWrites: 0,
    lostWrites: 0,
    unexplainedChanges: 0,
    refusedWrites: 0,
    integrityFailures: 0,
    foreignKeyViolations: 0,
    reopenFailures: 0,
    writerFailures: 0,
    inFlight: { none: 0, committed: 0, 'not-committed': 0, torn: 0, 'no-change': 0 },
    killsDuringCheckpoint: 0,
    largestWalAtKillBytes: 0,
    finalHighlights: 0,
    finalNotes: 0,
    wallMs: 0,
    libraryPath: null,
    ...emptyBackupFigures(),
    ...emptyOpeningFigures(),
  };
  const nextWriter = () =>
    startWriter({
      script: bundle.script,
      dbPath,
      sampleBriefPath,
      seed: random.int(2 ** 31),
      backupsFirst: options.backupsFirst,
    });

  let known: LibraryState = { highlights: {}, notes: {} };
  let standby: Writer = nextWriter();
  try {
    for (let trial = 1; trial <= options.trials; trial++) {
      const writer = standby;
      try {
        await writer.go(READY_TIMEOUT_MS);
        // From its first backup on, such a writer is always about to restore or back up.
        if (options.backupsFirst) await writer.said('"backup":"', READY_TIMEOUT_MS);
      } catch (error) {
        figures.writerFailures += 1;
        log(`trial ${trial}: ${(error as Error).message}`);
        await writer.kill();
        standby = nextWriter();
        continue;
      }
      // The next writer loads its modules while this one writes.
      standby = nextWriter();
      const [shortest, longest] = options.killDelayMs;
      await sleep(shortest + random.int(longest - shortest + 1));
      const outcome = await writer.kill();
      if (!outcome.killed) {
        figures.writerFailures += 1;
        log(`trial ${trial}: the writer exited (code ${outcome.exitCode}) before its kill:`);
        log(outcome.stderr.trim());
      } else figures.kills += 1;
      figures.largestWalAtKillBytes = Math.max(
        figures.largestWalAtKillBytes,
        sizeOf(`${dbPath}-wal`),
      );

      let reopened;
      try {
        reopened = await readLibraryState(dbPath, sampleBriefPath);
      } catch (error) {
        // The app would not start either: nothing more to learn from this file.
        figures.reopenFailures += 1;
        log(`trial ${trial}: the library did not reopen: ${(error as Error).message}`);
        break;
      }
      const findings = compareWithAcks(known, outcome.messages, reopened.state);
      known = reopened.state;
      figures.acknowledgedWrites += findings.acknowledged;
      figures.lostWrites += findings.lostWrites.length;
      figures.unexplainedChanges += findings.unexplained.length;
      figures.refusedWrites += findings.refused;
      // A backup or restore in flight is counted with the backup figures, not as a write.
      if (!findings.duringBackup && !findings.duringRestore) {
        figures.inFlight[findings.inFlight] += 1;
      }
      if (findings.duringCheckpoint) figures.killsDuringCheckpoint += 1;
      if (reopened.integrityProblems.length > 0) figures.integrityFailures += 1;
      figures.foreignKeyViolations += reopened.foreignKeyViolations;
      const inspection = await inspectBackups(dbPath, sampleBriefPath, findings);
      addBackupFindings(figures, findings, inspection);
      // Checked: removed, so the folder stays small (each writer restores only its own backups).
      // Half-written backups stay for the sweep at the end; half-written restores, which
      // nothing removes, go.
      for (const file of new LibraryBackups(dbPath).files()) rmSync(file.path, { force: true });
      for (const path of hiddenFiles(dir, '.restoring')) rmSync(path, { force: true });

      const problems = [
        findings.lostWrites.length > 0 &&
          `acknowledged writes lost: seq ${findings.lostWrites.join(', ')}`,
        findings.unexplained.length > 0 &&
          `changed without a write: ${findings.unexplained.slice(0, 5).join(', ')}`,
        findings.refused > 0 && `${findings.refused} writes refused`,
        findings.inFlight === 'torn' && 'the write in flight was found in part',
        reopened.integrityProblems.length > 0 &&
          `integrity_check: ${reopened.integrityProblems.slice(0, 3).join('; ')}`,
        reopened.foreignKeyViolations > 0 &&
          `${reopened.foreignKeyViolations} foreign key violations`,
        ...inspection.problems,
      ].filter(Boolean);
      if (problems.length > 0) log(`trial ${trial}: ${problems.join('; ')}`);
      if (trial % 10 === 0) {
        log(`trial ${trial}/${options.trials}: ${figures.acknowledgedWrites} writes acknowledged`);
      }
    }
    if (figures.reopenFailures === 0) {
      const partials = await sweepStalePartials(dbPath, sampleBriefPath);
      figures.partialsLeft = partials.left;
      figures.stalePartialsKept = partials.kept;
    }
    await runOpeningTrials({
      trials: options.openingTrials ?? 0,
      script: bundle.script,
      sampleBriefPath,
      random,
      figures,
      log,
    });
  } finally {
    await standby.kill();
    rmSync(bundle.dir, { recursive: true, force: true });
  }

  figures.finalHighlights = Object.keys(known.highlights).length;
  figures.finalNotes = Object.keys(known.notes).length;
  figures.wallMs = Date.now() - started;
  if (crashFiguresPass(figures)) rmSync(dir, { recursive: true, force: true });
  else figures.libraryPath = dbPath;
  return figures;
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
