import type { EditionCarryOver } from '../../../../shared/editions';

// Adopting an edition ends by opening the newer brief in a reader that mounts afresh; the
// summary of what moved waits here for it. One at a time: a later adoption replaces it.
let pending: EditionCarryOver | null = null;

/** Leaves the summary for the reader of `carry.briefId` to show when it opens. */
export function leaveCarryOver(carry: EditionCarryOver): void {
  pending = carry;
}

/** The summary waiting for this brief, if any; it stays until `forgetCarryOver`. */
export function carryOverFor(briefId: string): EditionCarryOver | null {
  return pending?.briefId === briefId ? pending : null;
}

/** The reader has it now (or it was dismissed): opening the brief again shows no summary. */
export function forgetCarryOver(briefId: string): void {
  if (pending?.briefId === briefId) pending = null;
}
