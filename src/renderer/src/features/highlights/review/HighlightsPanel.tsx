import { useMemo, useState } from 'react';
import { HIGHLIGHT_ROLES, type HighlightRole } from '../../../../../shared/highlights';
import type { Section } from '../../../../../shared/model';
import { sectionLabel } from '../../reader/sectionLabel';
import { useRoleLabels } from '../useRoleLabels';
import type { HighlightReview } from './HighlightReview';
import { HighlightReviewItem } from './HighlightReviewItem';
import {
  reviewGroups,
  roleCounts,
  toggleRole,
  type OrphanedReviewGroup,
  type SectionReviewGroup,
} from './reviewGroups';

interface HighlightsPanelProps {
  sections: readonly Section[];
  currentSectionId: string | null;
  review: HighlightReview;
}

/** Consecutive section groups under one top-level section, shown under its heading. */
interface PartRun {
  top: Section;
  groups: SectionReviewGroup[];
}

function partRuns(groups: readonly SectionReviewGroup[]): PartRun[] {
  const runs: PartRun[] = [];
  for (const group of groups) {
    const last = runs.at(-1);
    if (last?.top.id === group.top.id) last.groups.push(group);
    else runs.push({ top: group.top, groups: [group] });
  }
  return runs;
}

function RoleFilter({
  counts,
  chosen,
  onToggle,
  onClear,
}: {
  counts: Record<HighlightRole, number>;
  chosen: ReadonlySet<HighlightRole>;
  onToggle: (role: HighlightRole) => void;
  onClear: () => void;
}) {
  const labels = useRoleLabels();
  return (
    <div className="hl-review-filter" role="group" aria-label="Show colours">
      {HIGHLIGHT_ROLES.map((role) => (
        <button
          key={role}
          type="button"
          className={counts[role] === 0 ? 'hl-review-chip is-empty' : 'hl-review-chip'}
          aria-pressed={chosen.has(role)}
          onClick={() => onToggle(role)}
        >
          <span className={`hl-role-dot hl-role-dot-${role}`} aria-hidden="true" />
          <span className="hl-review-chip-label">{labels[role]}</span>
          <span className="hl-review-chip-count">{counts[role]}</span>
        </button>
      ))}
      {chosen.size > 0 && (
        <button type="button" className="hl-review-clear" onClick={onClear}>
          Show all
        </button>
      )}
    </div>
  );
}

function OrphanedGroup({ group }: { group: OrphanedReviewGroup }) {
  return (
    <section className="hl-review-part is-orphaned" aria-labelledby="hl-review-orphaned">
      <h3 id="hl-review-orphaned" className="sidebar-group-title hl-review-part-title">
        Not found in the text
      </h3>
      <p className="hl-review-note">
        The brief&rsquo;s text changed since these were made. Each keeps its quote and comment.
      </p>
      <ul className="hl-review-list">
        {group.highlights.map((highlight) => (
          <HighlightReviewItem key={highlight.id} highlight={highlight} />
        ))}
      </ul>
    </section>
  );
}

/**
 * Every highlight of the brief, grouped by section in outline order and in text order within
 * each, with a filter by colour. An item shows its passage in the text with its popover open.
 */
export function HighlightsPanel({ sections, currentSectionId, review }: HighlightsPanelProps) {
  const [chosen, setChosen] = useState<ReadonlySet<HighlightRole>>(new Set());
  const { highlights } = review;
  const counts = useMemo(() => roleCounts(highlights), [highlights]);
  const groups = useMemo(
    () => reviewGroups(sections, highlights, chosen),
    [sections, highlights, chosen],
  );
  const runs = useMemo(
    () => partRuns(groups.filter((group) => group.kind === 'section')),
    [groups],
  );
  const orphaned = groups.find((group) => group.kind === 'orphaned');

  if (highlights.length === 0) {
    return (
      <div className="hl-review">
        {review.loading ? (
          <p className="hl-review-empty">Loading highlights…</p>
        ) : (
          <div className="hl-review-empty">
            <p className="hl-review-empty-title">No highlights yet</p>
            <p>
              Select a passage in the brief, then choose a colour. Or press <kbd>H</kbd> to
              highlight it in the colour you used last.
            </p>
          </div>
        )}
      </div>
    );
  }

  return (
    <div className="hl-review">
      <RoleFilter
        counts={counts}
        chosen={chosen}
        onToggle={(role) => setChosen(toggleRole(chosen, role))}
        onClear={() => setChosen(new Set())}
      />
      {groups.length === 0 && (
        <p className="hl-review-empty">No highlights in the chosen colours.</p>
      )}
      {runs.map(({ top, groups: inPart }) => {
        const titleId = `hl-review-part-${top.id}`;
        return (
          <section key={top.id} className="hl-review-part" aria-labelledby={titleId}>
            <h3 id={titleId} className="sidebar-group-title hl-review-part-title" dir="auto">
              {sectionLabel(top, sections)}
            </h3>
            {inPart.map(({ section, highlights: items }) => {
              const current = section.id === currentSectionId;
              return (
                <div
                  key={section.id}
                  className={current ? 'hl-review-section is-current' : 'hl-review-section'}
                  data-review-section={section.id}
                  aria-current={current ? 'location' : undefined}
                >
                  {section.id !== top.id && (
                    <h4 className="hl-review-section-title" dir="auto">
                      {sectionLabel(section, sections)}
                    </h4>
                  )}
                  <ul className="hl-review-list">
                    {items.map((highlight) => (
                      <HighlightReviewItem
                        key={highlight.id}
                        highlight={highlight}
                        onOpen={review.open}
                      />
                    ))}
                  </ul>
                </div>
              );
            })}
          </section>
        );
      })}
      {orphaned?.kind === 'orphaned' && <OrphanedGroup group={orphaned} />}
    </div>
  );
}
