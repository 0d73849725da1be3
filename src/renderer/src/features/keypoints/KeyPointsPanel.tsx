import { useEffect, useMemo, useRef, useState } from 'react';
import type { Brief } from '../../../../shared/model';
import { extractKeyPoints, type KeyPoint } from '../../../../shared/reader/extractKeyPoints';
import { sectionLabel } from '../reader/sectionLabel';
import { groupKeyPoints, topSectionOf, type KeyPointsEntry } from './groupKeyPoints';
import { jumpToKeyPoint } from './jumpToKeyPoint';

// Points shown per section before "+N more"; a single hidden point is shown rather than hidden.
const SHOWN_PER_SECTION = 5;

interface KeyPointsPanelProps {
  brief: Brief;
  currentSectionId: string | null;
  /** Told after a jump, so the reader can mark the section as the one being read. */
  onJumped?: (sectionId: string) => void;
}

type JumpToPoint = (sectionId: string, point: KeyPoint) => void;

const fullStatement = (point: KeyPoint): string =>
  point.lead ? `${point.lead} ${point.text}` : point.text;

function KeyPointButton({
  sectionId,
  point,
  onJump,
}: {
  sectionId: string;
  point: KeyPoint;
  onJump: JumpToPoint;
}) {
  return (
    <li className={point.depth > 0 ? 'keypoint-item is-sub' : 'keypoint-item'}>
      <button
        type="button"
        className="keypoint"
        data-testid="key-point"
        title={fullStatement(point)}
        onClick={() => onJump(sectionId, point)}
      >
        <span className="keypoint-text" dir="auto">
          {point.lead && <strong className="keypoint-lead">{point.lead}</strong>}
          {point.lead && ' '}
          {point.text}
        </span>
      </button>
    </li>
  );
}

function KeyPointsSection({
  entry,
  label,
  current,
  onJump,
}: {
  entry: KeyPointsEntry;
  label: string | null;
  current: boolean;
  onJump: JumpToPoint;
}) {
  const [expanded, setExpanded] = useState(false);
  const { section, points } = entry;
  const hidden = points.length - SHOWN_PER_SECTION > 1 ? points.length - SHOWN_PER_SECTION : 0;
  const shown = expanded || hidden === 0 ? points : points.slice(0, SHOWN_PER_SECTION);
  const listId = `keypoints-list-${section.id}`;
  return (
    <div
      className={current ? 'keypoints-section is-current' : 'keypoints-section'}
      data-keypoints-section={section.id}
      aria-current={current ? 'location' : undefined}
    >
      {label !== null && (
        <h4 className="keypoints-section-title" dir="auto">
          {label}
        </h4>
      )}
      <ul className="keypoints-list" id={listId}>
        {shown.map((point, index) => (
          <KeyPointButton key={index} sectionId={section.id} point={point} onJump={onJump} />
        ))}
      </ul>
      {hidden > 0 && (
        <button
          type="button"
          className="keypoints-more"
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? 'Show fewer' : `+${hidden} more`}
        </button>
      )}
    </div>
  );
}

/**
 * The brief's own key statements as a compact digest, grouped like the outline; each statement
 * jumps to where the brief says it.
 */
export function KeyPointsPanel({ brief, currentSectionId, onJumped }: KeyPointsPanelProps) {
  const jump: JumpToPoint = (sectionId, point) => {
    jumpToKeyPoint(sectionId, point);
    onJumped?.(sectionId);
  };
  const { sections } = brief;
  const groups = useMemo(
    () => groupKeyPoints(sections, extractKeyPoints(brief)),
    [brief, sections],
  );
  const byId = useMemo(() => new Map(sections.map((section) => [section.id, section])), [sections]);
  const currentTop = currentSectionId ? topSectionOf(currentSectionId, byId)?.id : undefined;
  const panelRef = useRef<HTMLDivElement>(null);

  // Brings the section being read into the digest's view, unless part of it is already shown
  // (then the reader may be looking through it, and the digest should not move under them).
  useEffect(() => {
    const panel = panelRef.current;
    if (!panel || !currentTop) return;
    const marked =
      panel.querySelector<HTMLElement>('.keypoints-section.is-current') ??
      panel.querySelector<HTMLElement>('.keypoints-group.is-current > .keypoints-group-title');
    if (!marked) return;
    const box = marked.getBoundingClientRect();
    const view = panel.getBoundingClientRect();
    if (box.bottom <= view.top || box.top >= view.bottom)
      marked.scrollIntoView({ block: 'nearest' });
  }, [currentTop, currentSectionId]);

  if (groups.length === 0) {
    return (
      <div className="keypoints" ref={panelRef}>
        <p className="keypoints-empty">This brief has no bold statements or key-point lists.</p>
      </div>
    );
  }
  return (
    <div className="keypoints" ref={panelRef}>
      {groups.map(({ top, entries }) => {
        const titleId = `keypoints-group-${top.id}`;
        const current = top.id === currentTop;
        return (
          <div
            key={top.id}
            role="group"
            aria-labelledby={titleId}
            className={current ? 'keypoints-group is-current' : 'keypoints-group'}
          >
            <h3 id={titleId} className="sidebar-group-title keypoints-group-title" dir="auto">
              {sectionLabel(top, sections)}
            </h3>
            {entries.map((entry) => (
              <KeyPointsSection
                key={entry.section.id}
                entry={entry}
                label={entry.section.id === top.id ? null : sectionLabel(entry.section, sections)}
                current={entry.section.id === currentSectionId}
                onJump={jump}
              />
            ))}
          </div>
        );
      })}
    </div>
  );
}
