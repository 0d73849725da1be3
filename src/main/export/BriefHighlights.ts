import {
  DEFAULT_ROLE_LABELS,
  HIGHLIGHT_ROLES,
  type Highlight,
  type HighlightRole,
} from '../../shared/highlights';
import type { Brief, Section } from '../../shared/model';
import { highlightBlockIds } from './highlightBlockIds';
import { highlightMarkdown } from './highlightMarkdown';
import { markdownHeading } from './markdownHeading';

const ORPHAN_HIGHLIGHTS_HEADING = 'Highlights not found in this edition';

/**
 * The brief's highlights sorted into their places, and how each is written. Block ids are worked
 * out over all of the brief's highlights, so a highlight has the same one wherever it is written.
 */
export class BriefHighlights {
  /** Highlights found in this edition, by section, in text order. */
  readonly placed = new Map<string, Highlight[]>();
  /** Highlights not found in this edition, or whose section is gone. */
  readonly orphans: Highlight[] = [];
  private readonly blockIds: Map<string, string>;
  private readonly sectionsById: Map<string, Section>;
  private readonly ordinal: Map<string, number>;

  constructor(
    readonly brief: Brief,
    highlights: readonly Highlight[],
    private readonly roleLabels: Partial<Record<HighlightRole, string>>,
    private readonly previousHeadings: ReadonlyMap<string, string> | undefined,
  ) {
    this.sectionsById = new Map(brief.sections.map((section) => [section.id, section]));
    this.ordinal = new Map(brief.sections.map((section, index) => [section.id, index]));
    const own = highlights.filter((highlight) => highlight.briefId === brief.id);
    this.blockIds = highlightBlockIds(own);
    for (const highlight of [...own].sort((a, b) => this.textOrder(a, b))) {
      const sectionId = highlight.anchor.sectionId;
      if (highlight.status === 'orphaned' || !this.sectionsById.has(sectionId)) {
        this.orphans.push(highlight);
      } else {
        const list = this.placed.get(sectionId) ?? [];
        list.push(highlight);
        this.placed.set(sectionId, list);
      }
    }
  }

  /** Blocks for one highlight; `withHeading` names its section in the attribution. */
  highlightBlocks(highlight: Highlight, withHeading: boolean): string[] {
    return highlightMarkdown(highlight, {
      briefId: this.brief.id,
      roleLabel: this.roleLabel(highlight.role),
      blockId: this.blockIds.get(highlight.id) ?? `h-${highlight.id}`,
      sectionHeading: withHeading ? this.headingOf(highlight) : null,
    });
  }

  /** The blocks of the highlights found in one section, in text order, under its heading. */
  sectionBlocks(sectionId: string): string[] {
    return (this.placed.get(sectionId) ?? []).flatMap((highlight) =>
      this.highlightBlocks(highlight, false),
    );
  }

  /** One heading per role, in role order, with that role's highlights in text order. */
  roleBlocks(): string[] {
    const placed = [...this.placed.values()].flat().sort((a, b) => this.textOrder(a, b));
    return HIGHLIGHT_ROLES.flatMap((role) => {
      const ofRole = placed.filter((highlight) => highlight.role === role);
      if (ofRole.length === 0) return [];
      const label = this.roleLabel(role);
      return [
        markdownHeading(2, label, DEFAULT_ROLE_LABELS[role]),
        ...ofRole.flatMap((highlight) => this.highlightBlocks(highlight, true)),
      ];
    });
  }

  orphanBlocks(): string[] {
    if (this.orphans.length === 0) return [];
    return [
      markdownHeading(2, ORPHAN_HIGHLIGHTS_HEADING, ORPHAN_HIGHLIGHTS_HEADING),
      ...this.orphans.flatMap((highlight) => this.highlightBlocks(highlight, true)),
    ];
  }

  private roleLabel(role: HighlightRole): string {
    const label = this.roleLabels[role]?.trim();
    return label ? label : DEFAULT_ROLE_LABELS[role];
  }

  private headingOf(highlight: Highlight): string {
    const sectionId = highlight.anchor.sectionId;
    const section = this.sectionsById.get(sectionId);
    const heading =
      (highlight.status === 'orphaned' ? this.previousHeadings?.get(highlight.id) : undefined) ??
      section?.heading;
    if (heading?.trim()) return heading;
    return section ? `Section ${section.path}` : sectionId;
  }

  // Outline order, then place in the section; sections not in this edition last.
  private textOrder(a: Highlight, b: Highlight): number {
    const at = (highlight: Highlight) =>
      this.ordinal.get(highlight.anchor.sectionId) ?? Number.MAX_SAFE_INTEGER;
    return (
      at(a) - at(b) ||
      compare(a.anchor.sectionId, b.anchor.sectionId) ||
      a.anchor.start - b.anchor.start ||
      a.anchor.end - b.anchor.end ||
      compare(a.id, b.id)
    );
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
