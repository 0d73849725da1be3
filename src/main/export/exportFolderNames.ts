import type { BriefSummary } from '../../shared/model';
import { exportFileNames } from './exportFileNames';

type Named = Pick<BriefSummary, 'id' | 'title' | 'importedAt'>;

/**
 * The Markdown file name of each brief exported, as `exportFileNames` gives it over the whole
 * library list, so a brief's file is named the same whether it is exported alone or with all.
 * A brief the list does not show (an older edition) is named after all listed ones, so it never
 * takes a name from a brief in the list.
 */
export function exportFolderNames(
  listed: readonly Named[],
  exported: readonly Named[],
): Map<string, string> {
  const names = exportFileNames(listed);
  const named = [...listed];
  for (const brief of exported) {
    if (names.has(brief.id)) continue;
    // Sorted after every brief named so far, it gets the first name none of them holds.
    const last = { ...brief, importedAt: `\uffff${String(named.length).padStart(8, '0')}` };
    named.push(last);
    names.set(brief.id, exportFileNames(named).get(brief.id)!);
  }
  return new Map(exported.map((brief) => [brief.id, names.get(brief.id)!]));
}
