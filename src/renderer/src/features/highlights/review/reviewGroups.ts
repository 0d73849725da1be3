import {
  HIGHLIGHT_ROLES,
  type Highlight,
  type HighlightRole,
} from '../../../../../shared/highlights';
import type { Section } from '../../../../../shared/model';

/** The highlights of one section, in the order they come in its text. */
export interface SectionReviewGroup {
  kind: 'section';
  section: Section;
  /** The top-level section it belongs to (itself when it is one), to group as the outline does. */
  top: Section;
  highlights: Highlight[];
}

/** Highlights whose text is no longer in the brief: kept with their quote, shown last. */
export interface OrphanedReviewGroup {
  kind: 'orphaned';
  highlights: Highlight[];
}

export type ReviewGroup = SectionReviewGroup | OrphanedReviewGroup;

/** Whether a highlight can be shown in the text; those that cannot are listed apart. */
export function isFoundInText(
  highlight: Highlight,
  sectionIds: ReadonlySet<string> | ReadonlyMap<string, unknown>,
): boolean {
  return highlight.status !== 'orphaned' && sectionIds.has(highlight.anchor.sectionId);
}

/** Text order inside one section; the older of two highlights starting together comes first. */
export function compareInSection(a: Highlight, b: Highlight): number {
  return (
    a.anchor.start - b.anchor.start ||
    a.anchor.end - b.anchor.end ||
    (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0)
  );
}

function topOf(section: Section, byId: ReadonlyMap<string, Section>): Section {
  let top = section;
  const seen = new Set<string>([section.id]);
  while (top.parentId !== null) {
    const parent = byId.get(top.parentId);
    if (!parent || seen.has(parent.id)) break;
    seen.add(parent.id);
    top = parent;
  }
  return top;
}

/**
 * A brief's highlights for review: one group per section that has any, in outline order, each
 * in text order; those not found in the text in a last group of their own. `roles` keeps only
 * those colours; empty or absent keeps all. Each part of a selection that spanned sections is
 * listed under its own section.
 */
export function reviewGroups(
  sections: readonly Section[],
  highlights: readonly Highlight[],
  roles?: ReadonlySet<HighlightRole>,
): ReviewGroup[] {
  const byId = new Map(sections.map((section) => [section.id, section]));
  const rank = new Map(sections.map((section, index) => [section.id, index]));
  const shown =
    roles && roles.size > 0
      ? highlights.filter((highlight) => roles.has(highlight.role))
      : highlights;
  const bySection = new Map<string, Highlight[]>();
  const orphaned: Highlight[] = [];
  for (const highlight of shown) {
    if (!isFoundInText(highlight, byId)) {
      orphaned.push(highlight);
      continue;
    }
    const list = bySection.get(highlight.anchor.sectionId);
    if (list) list.push(highlight);
    else bySection.set(highlight.anchor.sectionId, [highlight]);
  }
  const groups: ReviewGroup[] = [];
  for (const section of sections) {
    const list = bySection.get(section.id);
    if (!list) continue;
    groups.push({
      kind: 'section',
      section,
      top: topOf(section, byId),
      highlights: list.sort(compareInSection),
    });
  }
  if (orphaned.length > 0) {
    // Where they were, as far as that is known, so they read in roughly the brief's order.
    const rankOf = (highlight: Highlight) =>
      rank.get(highlight.anchor.sectionId) ?? Number.MAX_SAFE_INTEGER;
    orphaned.sort((a, b) => rankOf(a) - rankOf(b) || compareInSection(a, b));
    groups.push({ kind: 'orphaned', highlights: orphaned });
  }
  return groups;
}

/** One section's highlights that show in its text, in text order. */
export function sectionHighlights(
  highlights: readonly Highlight[],
  sectionId: string,
): Highlight[] {
  return highlights
    .filter(
      (highlight) => highlight.status !== 'orphaned' && highlight.anchor.sectionId === sectionId,
    )
    .sort(compareInSection);
}

/** How many highlights there are of each colour role, found in the text or not. */
export function roleCounts(highlights: readonly Highlight[]): Record<HighlightRole, number> {
  const counts = Object.fromEntries(HIGHLIGHT_ROLES.map((role) => [role, 0])) as Record<
    HighlightRole,
    number
  >;
  for (const highlight of highlights) counts[highlight.role] += 1;
  return counts;
}

/** The filter with this role switched on or off. */
export function toggleRole(
  roles: ReadonlySet<HighlightRole>,
  role: HighlightRole,
): Set<HighlightRole> {
  const next = new Set(roles);
  if (next.has(role)) next.delete(role);
  else next.add(role);
  return next;
}
