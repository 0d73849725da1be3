import type { AnnotationRestore } from './api';

/**
 * What a restore did, in one sentence for the user: what was added to which brief, then what
 * was not found in the text, merged into an existing note, or there already.
 */
export function describeAnnotationRestore(restore: AnnotationRestore): string {
  const notes = restore.notesRestored + restore.notesMerged;
  if (restore.highlightsRestored === 0 && notes === 0) {
    return `Nothing new to restore to “${restore.title}”: everything in the file is there already.`;
  }
  const details: string[] = [];
  if (restore.highlightsNotFound > 0) {
    details.push(
      `${count(restore.highlightsNotFound, 'highlight')} not found in the text, kept for review`,
    );
  }
  if (restore.notesMerged > 0) {
    details.push(
      `${count(restore.notesMerged, 'note')} added below the ${restore.notesMerged === 1 ? 'note' : 'notes'} already there`,
    );
  }
  if (restore.highlightsAlreadyThere > 0) {
    details.push(`${count(restore.highlightsAlreadyThere, 'highlight')} there already`);
  }
  const main = `Restored ${count(restore.highlightsRestored, 'highlight')} and ${count(notes, 'note')} to “${restore.title}”`;
  return details.length > 0 ? `${main} (${details.join('; ')}).` : `${main}.`;
}

function count(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}
