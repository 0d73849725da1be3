import { utimesSync } from 'node:fs';
import { createDispatch } from '../../src/main/api/dispatch';
import { LibraryBackups } from '../../src/main/db/LibraryBackups';
import { LibraryHost } from '../../src/main/services/LibraryHost';
import { hiddenFiles } from './inspectBackups';

const TWO_DAYS_AGO_S = () => Date.now() / 1000 - 2 * 24 * 60 * 60;

/**
 * Ages the half-written backups the kills left past a day, takes a backup through the API as
 * the app would, and counts them before and after: a backup run is meant to remove partials too
 * old to belong to a backup in progress.
 */
export async function sweepStalePartials(
  dbPath: string,
  sampleBriefPath: string,
): Promise<{ left: number; kept: number }> {
  const folder = new LibraryBackups(dbPath).folder;
  const partials = hiddenFiles(folder, '.partial');
  if (partials.length === 0) return { left: 0, kept: 0 };
  for (const path of partials) utimesSync(path, TWO_DAYS_AGO_S(), TWO_DAYS_AGO_S());
  const host = LibraryHost.forFile({ dbPath, sampleBriefPath }).open();
  try {
    const result = await createDispatch(host)('backups.create', {});
    if (!result.ok) throw new Error(`backups.create failed: ${result.error.message}`);
  } finally {
    host.close();
  }
  const after = hiddenFiles(folder, '.partial');
  return { left: partials.length, kept: partials.filter((path) => after.includes(path)).length };
}
