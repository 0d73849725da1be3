import type { BriefSummary } from '../../shared/model';
import { markdownFileName } from './markdownFileName';

const SHORT_ID_LENGTH = 8;

/**
 * A file name for each brief when several are exported into one folder: `markdownFileName` of
 * its title, and for a brief whose title gives a name already taken, that name with the start
 * of its id, e.g. `Key Takeaways (3f9a0b12).md`. The brief imported first keeps the plain name,
 * so names do not move when a brief with the same title joins the library, and the same library
 * exported again writes the same files. Names that differ only in letter case count as taken,
 * since Windows and macOS folders would hold them as one file.
 */
export function exportFileNames(
  briefs: readonly Pick<BriefSummary, 'id' | 'title' | 'importedAt'>[],
): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  const byAge = [...briefs].sort(
    (a, b) => compare(a.importedAt, b.importedAt) || compare(a.id, b.id),
  );
  for (const brief of byAge) {
    for (const name of candidateNames(brief.id, markdownFileName(brief.title))) {
      if (taken.has(folded(name))) continue;
      taken.add(folded(name));
      names.set(brief.id, name);
      break;
    }
  }
  return names;
}

// The plain name, then with more and more of the id; a counter only if ids themselves clash.
function* candidateNames(id: string, plain: string): Generator<string> {
  yield plain;
  const stem = plain.slice(0, -'.md'.length);
  const chars = id.toLowerCase().replace(/[^a-z0-9]/g, '') || 'brief';
  for (let length = SHORT_ID_LENGTH; length < chars.length; length += 4) {
    yield `${stem} (${chars.slice(0, length)}).md`;
  }
  yield `${stem} (${chars}).md`;
  for (let n = 2; ; n += 1) yield `${stem} (${chars}-${n}).md`;
}

function folded(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
