/** One case sent to a fuzz worker. */
export interface CaseRequest {
  fileName: string;
  bytes: Uint8Array;
}

/** What importing one case did, as the worker reports it (or the parent, for hangs). */
export type CaseOutcome =
  | { kind: 'imported'; ms: number; sections: number }
  | { kind: 'refused'; ms: number; code: string; message: string }
  | { kind: 'crashed'; ms: number; message: string; stack: string }
  | { kind: 'hung'; ms: number };
