import { Worker } from 'node:worker_threads';
import type { CaseOutcome, CaseRequest } from './caseMessages';
import type { FuzzCase } from './fuzzCases';

/** A case that crashed or hung, with enough to reproduce it. */
export interface FuzzFailure {
  label: string;
  fileName: string;
  size: number;
  message: string;
}

/** The figures a fuzz run reports. */
export interface FuzzReport {
  tried: number;
  imported: number;
  refused: number;
  refusedByCode: Record<string, number>;
  crashes: FuzzFailure[];
  hangs: FuzzFailure[];
  /** Refusals whose message is not a sentence naming the file. */
  unclearMessages: FuzzFailure[];
  slowest: { label: string; fileName: string; size: number; ms: number }[];
  seconds: number;
}

export interface RunFuzzOptions {
  /** Worker threads importing in parallel. */
  workers: number;
  /** A case still running after this long is a hang; its worker is replaced. */
  timeoutMs: number;
  /** Stops taking new cases after this long (the cases under way finish). */
  budgetMs?: number;
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

const workerEntry = new URL('./fuzzWorker.ts', import.meta.url);

function startWorker(): Worker {
  // Node does not apply tsx's loader to a worker's entry, so the worker registers it first.
  const loader = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerEntry.href)}); });`;
  return new Worker(bootstrap, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 2048 } });
}

class Slot {
  private worker = startWorker();

  /** Imports one case in this slot's worker; a hang or a dead worker is replaced by a new one. */
  run(fuzzCase: FuzzCase, timeoutMs: number): Promise<CaseOutcome> {
    const worker = this.worker;
    const started = performance.now();
    return new Promise<CaseOutcome>((resolve) => {
      const finish = (outcome: CaseOutcome, replace: boolean) => {
        clearTimeout(timer);
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
      const onMessage = (outcome: CaseOutcome) => finish(outcome, false);
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
      const timer = setTimeout(() => finish({ kind: 'hung', ms: elapsed() }, true), timeoutMs);
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
 * Imports every case in worker threads with a watchdog per case (so even a synchronous infinite
 * loop counts as a hang instead of stalling the run) and tallies what happened.
 */
export async function runFuzz(
  cases: AsyncIterable<FuzzCase> | Iterable<FuzzCase>,
  options: RunFuzzOptions,
): Promise<FuzzReport> {
  const report: FuzzReport = {
    tried: 0,
    imported: 0,
    refused: 0,
    refusedByCode: {},
    crashes: [],
    hangs: [],
    unclearMessages: [],
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
  const record = (fuzzCase: FuzzCase, outcome: CaseOutcome) => {
    report.tried++;
    const failure = {
      label: fuzzCase.label,
      fileName: fuzzCase.fileName,
      size: fuzzCase.bytes.length,
    };
    if (outcome.kind === 'imported') report.imported++;
    else if (outcome.kind === 'refused') {
      report.refused++;
      report.refusedByCode[outcome.code] = (report.refusedByCode[outcome.code] ?? 0) + 1;
      if (!isUserSentence(outcome.message, fuzzCase.fileName)) {
        report.unclearMessages.push({ ...failure, message: outcome.message });
      }
    } else if (outcome.kind === 'crashed') {
      report.crashes.push({ ...failure, message: `${outcome.message}\n${outcome.stack}` });
    } else {
      report.hangs.push({
        ...failure,
        message: `still running after ${Math.round(outcome.ms)} ms`,
      });
    }
    report.slowest.push({ ...failure, ms: Math.round(outcome.ms) });
    report.slowest.sort((a, b) => b.ms - a.ms).splice(5);
    options.onCase?.(fuzzCase, outcome);
  };
  const slots = Array.from({ length: options.workers }, () => new Slot());
  await Promise.all(
    slots.map(async (slot) => {
      for (let next = await take(); next; next = await take()) {
        record(next, await slot.run(next, options.timeoutMs));
      }
    }),
  );
  await Promise.all(slots.map((slot) => slot.close()));
  report.seconds = Math.round((performance.now() - started) / 100) / 10;
  return report;
}

/** The report as lines for a terminal or a test log. */
export function formatReport(seed: number, report: FuzzReport): string {
  const codes = Object.entries(report.refusedByCode)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');
  const lines = [
    `import fuzz, seed ${seed}: ${report.tried} cases in ${report.seconds} s`,
    `  imported ${report.imported}`,
    `  refused with ImportError ${report.refused} (${codes})`,
    `  crashes ${report.crashes.length}, hangs ${report.hangs.length}, unclear messages ${report.unclearMessages.length}`,
    `  slowest: ${report.slowest.map((s) => `${s.ms} ms ${s.label} (${s.size} B)`).join('; ')}`,
  ];
  for (const [kind, list] of [
    ['CRASH', report.crashes],
    ['HANG', report.hangs],
    ['UNCLEAR', report.unclearMessages],
  ] as const) {
    for (const f of list.slice(0, 20)) {
      lines.push(
        `  ${kind} ${f.fileName} (${f.size} B) [${f.label}]: ${f.message.split('\n').slice(0, 4).join(' | ')}`,
      );
    }
  }
  return lines.join('\n');
}
