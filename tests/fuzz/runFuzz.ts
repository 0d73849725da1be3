import { Worker } from 'node:worker_threads';
import {
  IMPORT_TIME_LIMITS,
  ImportWatchdog,
  type ImportTimeLimits,
} from '../../src/main/import/worker/ImportWatchdog';
import type { CaseMessage, CaseOutcome, CaseRequest } from './caseMessages';
import type { FuzzCase } from './fuzzCases';
import {
  ImportFuzzLibrary,
  type ImportFuzzLibraryOptions,
  type LibraryFigures,
  type LibraryProblem,
} from './importFuzzLibrary';

/** A case that crashed or hung, with enough to reproduce it. */
export type FuzzFailure = LibraryProblem;

/** Cases of one format (by the importer its extension picks) and what became of them. */
export interface FormatFigures {
  tried: number;
  imported: number;
  refused: number;
  /** Cases by extension, e.g. { html: 40, htm: 6, xhtml: 5 }. */
  extensions: Record<string, number>;
}

/** The figures a fuzz run reports. */
export interface FuzzReport {
  tried: number;
  imported: number;
  refused: number;
  refusedByCode: Record<string, number>;
  byFormat: Record<string, FormatFigures>;
  crashes: FuzzFailure[];
  /** Cases over the app's time limits (the app gives up on them; the fuzz counts them as hangs). */
  hangs: FuzzFailure[];
  limits: ImportTimeLimits;
  /** Refusals whose message is not a sentence naming the file. */
  unclearMessages: FuzzFailure[];
  library: LibraryFigures;
  slowest: { label: string; fileName: string; size: number; ms: number }[];
  seconds: number;
}

export interface RunFuzzOptions {
  /** Worker threads importing in parallel. */
  workers: number;
  /** The app's limits by default: a case over them is a hang and its worker is replaced. */
  limits?: ImportTimeLimits;
  /** Stops taking new cases after this long (the cases under way finish). */
  budgetMs?: number;
  /** Where the library files the cases are imported into are made. */
  libraryFolder: string;
  /** How often failed imports get a full fingerprint, and when to start a new library file. */
  library?: Partial<ImportFuzzLibraryOptions>;
  /** Called after each case, e.g. to print progress. */
  onCase?: (fuzzCase: FuzzCase, outcome: CaseOutcome) => void;
}

/** True when an import error message is a sentence that names the file, as the user sees it. */
export function isUserSentence(message: string, fileName: string): boolean {
  const text = message.trim();
  return (
    text.includes(`“${fileName}”`) &&
    /[.!?]$/.test(text) &&
    text.length >= 20 &&
    !/\bundefined\b|\[object |TypeError|RangeError|at .*\(.*:\d+:\d+\)/.test(text)
  );
}

const FORMATS: Record<string, string> = {
  pdf: 'PDF',
  docx: 'Word',
  html: 'HTML',
  htm: 'HTML',
  xhtml: 'HTML',
  md: 'Markdown',
  markdown: 'Markdown',
  qmd: 'Markdown',
  txt: 'text',
  text: 'text',
};

function extensionOf(fileName: string): string {
  return fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
}

const workerEntry = new URL('./fuzzWorker.ts', import.meta.url);

function startWorker(): Worker {
  // Node does not apply tsx's loader to a worker's entry, so the worker registers it first.
  const loader = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerEntry.href)}); });`;
  return new Worker(bootstrap, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 2048 } });
}

class Slot {
  private worker = startWorker();

  /**
   * Imports one case in this slot's worker, watched as the app watches an import: a case over the
   * limits, or a dead worker, is replaced by a new worker.
   */
  run(fuzzCase: FuzzCase, limits: ImportTimeLimits): Promise<CaseOutcome> {
    const worker = this.worker;
    const started = performance.now();
    return new Promise<CaseOutcome>((resolve) => {
      const finish = (outcome: CaseOutcome, replace: boolean) => {
        watchdog.stop();
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (replace) {
          void worker.terminate();
          this.worker = startWorker();
        }
        resolve(outcome);
      };
      const elapsed = () => performance.now() - started;
      const onMessage = (message: CaseMessage) => {
        if (message.kind === 'progress') watchdog.progressed();
        else finish(message, false);
      };
      const onError = (error: Error) =>
        finish(
          {
            kind: 'crashed',
            ms: elapsed(),
            message: `worker died: ${error.message}`,
            stack: error.stack ?? '',
          },
          true,
        );
      const onExit = (code: number) =>
        finish(
          { kind: 'crashed', ms: elapsed(), message: `worker exited with code ${code}`, stack: '' },
          true,
        );
      const watchdog = new ImportWatchdog(fuzzCase.fileName, limits, (error) =>
        finish({ kind: 'hung', ms: elapsed(), message: error.message }, true),
      );
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      const request: CaseRequest = { fileName: fuzzCase.fileName, bytes: fuzzCase.bytes };
      worker.postMessage(request);
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

/**
 * Imports every case in worker threads, each watched with the app's time limits (so even a
 * synchronous infinite loop counts as a hang instead of stalling the run), then puts it through
 * Library.importFile on a real library file to check what a refused or accepted import did to
 * the file; tallies what happened.
 */
export async function runFuzz(
  cases: AsyncIterable<FuzzCase> | Iterable<FuzzCase>,
  options: RunFuzzOptions,
): Promise<FuzzReport> {
  const limits = options.limits ?? IMPORT_TIME_LIMITS;
  const library = await ImportFuzzLibrary.open(options.libraryFolder, {
    briefsPerLibrary: 25,
    bytesPerLibrary: 4 * 1024 * 1024,
    fingerprintEvery: 1,
    ...options.library,
  });
  const report: FuzzReport = {
    tried: 0,
    imported: 0,
    refused: 0,
    refusedByCode: {},
    byFormat: {},
    crashes: [],
    hangs: [],
    limits,
    unclearMessages: [],
    library: library.figures,
    slowest: [],
    seconds: 0,
  };
  const started = performance.now();
  const iterator =
    Symbol.asyncIterator in cases
      ? cases[Symbol.asyncIterator]()
      : (cases as Iterable<FuzzCase>)[Symbol.iterator]();
  const take = async (): Promise<FuzzCase | null> => {
    if (options.budgetMs !== undefined && performance.now() - started > options.budgetMs)
      return null;
    const next = await iterator.next();
    return next.done ? null : next.value;
  };
  const record = async (fuzzCase: FuzzCase, outcome: CaseOutcome) => {
    report.tried++;
    const failure = {
      label: fuzzCase.label,
      fileName: fuzzCase.fileName,
      size: fuzzCase.bytes.length,
    };
    const extension = extensionOf(fuzzCase.fileName);
    const format = FORMATS[extension] ?? `.${extension}`;
    const figures = (report.byFormat[format] ??= {
      tried: 0,
      imported: 0,
      refused: 0,
      extensions: {},
    });
    figures.tried++;
    figures.extensions[extension] = (figures.extensions[extension] ?? 0) + 1;
    const verdict = await library.import(fuzzCase, outcome);
    if (outcome.kind === 'imported') {
      report.imported++;
      figures.imported++;
    } else {
      report.refused++;
      figures.refused++;
    }
    if (outcome.kind === 'crashed') {
      report.crashes.push({ ...failure, message: `${outcome.message}\n${outcome.stack}` });
    } else if (outcome.kind === 'hung') {
      report.hangs.push({
        ...failure,
        message: `${outcome.message} (${Math.round(outcome.ms)} ms)`,
      });
    } else if (outcome.kind === 'refused') {
      report.refusedByCode[outcome.code] = (report.refusedByCode[outcome.code] ?? 0) + 1;
      // What the user is shown: the library's answer (unless the same bytes were already stored).
      const message = verdict.kind === 'refused' ? verdict.message : outcome.message;
      if (!isUserSentence(message, fuzzCase.fileName)) {
        report.unclearMessages.push({ ...failure, message });
      }
    }
    report.slowest.push({ ...failure, ms: Math.round(outcome.ms) });
    report.slowest.sort((a, b) => b.ms - a.ms).splice(5);
    options.onCase?.(fuzzCase, outcome);
  };
  const slots = Array.from({ length: options.workers }, () => new Slot());
  try {
    await Promise.all(
      slots.map(async (slot) => {
        for (let next = await take(); next; next = await take()) {
          await record(next, await slot.run(next, limits));
        }
      }),
    );
  } finally {
    await Promise.all(slots.map((slot) => slot.close()));
    await library.close();
  }
  report.seconds = Math.round((performance.now() - started) / 100) / 10;
  return report;
}

/** Every problem the run found; an empty list is a passing run. */
export function fuzzProblems(report: FuzzReport): string[] {
  const { library } = report;
  const cases = (kind: string, list: readonly FuzzFailure[]) =>
    list.map(
      (f) =>
        `${kind} ${f.fileName} (${f.size} B) [${f.label}]: ${f.message.split('\n').slice(0, 4).join(' | ')}`,
    );
  return [
    ...cases('CRASH', report.crashes),
    ...cases('HANG', report.hangs),
    ...cases('UNCLEAR', report.unclearMessages),
    ...cases('DB CHANGED', library.changedByFailedImport),
    ...cases('BROKEN BRIEF', library.brokenBriefs),
    ...cases('UNEXPECTED ERROR', library.unexpectedErrors),
    ...library.integrityProblems.map((p) => `INTEGRITY ${p}`),
  ];
}

function seconds(ms: number): string {
  return ms >= 120_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`;
}

/** The report as lines for a terminal or a test log. */
export function formatReport(seed: number, report: FuzzReport): string {
  const codes = Object.entries(report.refusedByCode)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');
  const formats = Object.entries(report.byFormat)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([format, f]) => {
      const extensions = Object.entries(f.extensions)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([extension, n]) => `.${extension} ${n}`)
        .join(', ');
      return `    ${format}: ${f.tried} tried (${extensions}), ${f.imported} imported, ${f.refused} refused`;
    });
  const { library } = report;
  const lines = [
    `import fuzz, seed ${seed}: ${report.tried} cases in ${report.seconds} s`,
    '  cases by format:',
    ...formats,
    `  imported ${report.imported}`,
    `  refused ${report.refused} (${codes})`,
    `  crashes ${report.crashes.length}`,
    `  hangs (no progress for ${seconds(report.limits.stallMs)}, or over ${seconds(report.limits.deadlineMs)} in all) ${report.hangs.length}`,
    `  unclear messages ${report.unclearMessages.length}`,
    `  library: ${library.stored} briefs stored, ${library.alreadyInLibrary} already in the library, ${library.refused} refused, in ${library.libraries} library files`,
    `  failed imports that changed the library ${library.changedByFailedImport.length} (data_version checked for all, full fingerprint before and after for ${library.fingerprinted}), broken briefs ${library.brokenBriefs.length}, unexpected errors ${library.unexpectedErrors.length}`,
    `  briefs read back after reopening ${library.reopenedBriefs}, integrity_check ${library.integrityProblems.length === 0 ? `ok in all ${library.libraries}` : `FAILED ${library.integrityProblems.length}`}`,
    `  slowest: ${report.slowest.map((s) => `${s.ms} ms ${s.fileName} [${s.label}] (${s.size} B)`).join('; ')}`,
  ];
  lines.push(
    ...fuzzProblems(report)
      .slice(0, 40)
      .map((p) => `  ${p}`),
  );
  return lines.join('\n');
}
