import type { BriefDocument } from '../../src/shared/model';

/** One case sent to a fuzz worker. */
export interface CaseRequest {
  fileName: string;
  bytes: Uint8Array;
}

/** What importing one case did, as the worker reports it (or the parent, for hangs). */
export type CaseOutcome =
  | { kind: 'imported'; ms: number; document: BriefDocument }
  | { kind: 'refused'; ms: number; code: string; message: string }
  | { kind: 'crashed'; ms: number; message: string; stack: string }
  /** Over the app's time limits; `message` is the sentence the app would answer with. */
  | { kind: 'hung'; ms: number; message: string };

/** What a fuzz worker posts: progress while it imports (it resets the stall clock), then the outcome. */
export type CaseMessage = CaseOutcome | { kind: 'progress' };
