import type { Section } from '../../../../shared/model';
import type { KeyPoint, SectionKeyPoints } from '../../../../shared/reader/extractKeyPoints';

export interface KeyPointsEntry {
  section: Section;
  points: KeyPoint[];
}

/** The key points under one top-level section: its own, then its subsections'. */
export interface KeyPointsGroup {
  top: Section;
  entries: KeyPointsEntry[];
}

/** The top-level section a section belongs to (itself when it is one). */
export function topSectionOf(
  sectionId: string,
  byId: ReadonlyMap<string, Section>,
): Section | undefined {
  let section = byId.get(sectionId);
  const seen = new Set<string>();
  while (section?.parentId != null && !seen.has(section.id)) {
    seen.add(section.id);
    const parent = byId.get(section.parentId);
    if (!parent) break;
    section = parent;
  }
  return section;
}

/**
 * Groups the digest under the brief's top-level sections, as the outline does, so that a part
 * whose text lives in its subsections ("I. …" with five subsections) still shows as one group.
 */
export function groupKeyPoints(
  sections: readonly Section[],
  digest: readonly SectionKeyPoints[],
): KeyPointsGroup[] {
  const byId = new Map(sections.map((section) => [section.id, section]));
  const groups: KeyPointsGroup[] = [];
  for (const { sectionId, points } of digest) {
    const section = byId.get(sectionId);
    const top = topSectionOf(sectionId, byId);
    if (!section || !top) continue;
    const last = groups.at(-1);
    if (last?.top.id === top.id) last.entries.push({ section, points });
    else groups.push({ top, entries: [{ section, points }] });
  }
  return groups;
}
