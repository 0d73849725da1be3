import { useId, useMemo, useRef, useState, type ReactElement } from 'react';
import type { EditionReview, HighlightMove } from '../../../../shared/editions';
import type { Highlight, HighlightRole } from '../../../../shared/highlights';
import type { Section } from '../../../../shared/model';
import { formatTimestamp } from '../../format/formatTimestamp';
import { useRoleLabels } from '../highlights/useRoleLabels';
import { sectionLabel } from '../reader/sectionLabel';
import { moveStatusLabel } from './moveStatusLabel';
import { reviewLists } from './reviewLists';
import { SECTION_CHANGE_TEXT } from './sectionChangeMap';

interface ChangesPanelProps {
  review: EditionReview;
  sections: readonly Section[];
  /** The brief's highlights as the reader has them; null while they load. */
  highlights: readonly Highlight[] | null;
  onMarkReviewed: (highlightId: string) => Promise<boolean>;
  /** Deletes through the reader's highlight store, so the paint and the undo toast follow. */
  onDelete: (highlightId: string) => void;
  onJumpToSection: (sectionId: string) => void;
  /** Shows a highlight in the text (with its popover); `from` gets the keyboard back after. */
  onShow: (highlight: Highlight, from: HTMLElement) => void;
}

// Long quotes are cut short in the list; the whole quote is in the item's tooltip.
const QUOTE_LIMIT = 240;

function clipped(text: string): string {
  return text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT).trimEnd()}…` : text;
}

/** The words around the highlight in the older edition: … prefix <mark>exact</mark> suffix … */
function OldContext({
  move,
  role,
  quoteId,
}: {
  move: HighlightMove;
  role: HighlightRole | undefined;
  quoteId: string;
}) {
  const { prefix, exact, suffix } = move.previous;
  return (
    <blockquote className="change-quote" dir="auto" title={exact}>
      {prefix && <span className="change-quote-context">…{prefix}</span>}
      <mark id={quoteId} className={role ? `change-mark-${role}` : undefined}>
        {clipped(exact)}
      </mark>
      {suffix && <span className="change-quote-context">{suffix}…</span>}
    </blockquote>
  );
}

interface MoveItemProps {
  move: HighlightMove;
  highlight: Highlight | undefined;
  sections: readonly Section[];
  sectionsById: ReadonlyMap<string, Section>;
  checked: boolean;
  onShow: (highlight: Highlight, from: HTMLElement) => void;
  onMarkReviewed?: () => void;
  onDelete: () => void;
}

function MoveItem({
  move,
  highlight,
  sections,
  sectionsById,
  checked,
  onShow,
  onMarkReviewed,
  onDelete,
}: MoveItemProps) {
  const roleLabels = useRoleLabels();
  const titleId = useId();
  // The quote names the item and tells its buttons apart ("Show", "Looks right", "Delete").
  const quoteId = `${titleId}-quote`;
  // Where the highlight is now, when it landed somewhere in this edition.
  const placed =
    move.status !== 'orphaned' && highlight && sectionsById.has(highlight.anchor.sectionId)
      ? highlight
      : null;
  const nowIn = placed ? sectionsById.get(placed.anchor.sectionId) : undefined;
  const wasIn = move.previousHeading.trim() || 'an untitled section';
  return (
    <li
      className="change-item"
      data-testid="edition-highlight"
      data-highlight-id={move.highlightId}
      aria-labelledby={`${titleId} ${quoteId}`}
    >
      <p className="change-item-head" id={titleId}>
        <span className={`change-status change-status-${move.status}`}>
          {moveStatusLabel(move)}
        </span>
        {highlight && (
          <span className="change-role">
            <span className={`hl-role-dot hl-role-dot-${highlight.role}`} aria-hidden="true" />
            {roleLabels[highlight.role]}
          </span>
        )}
      </p>
      <p className="change-where" dir="auto">
        Was in <span className="change-where-name">{wasIn}</span>
        {nowIn && nowIn.heading.trim() !== move.previousHeading.trim() && (
          <>
            {', now in '}
            <span className="change-where-name">{sectionLabel(nowIn, sections)}</span>
          </>
        )}
      </p>
      <OldContext move={move} role={highlight?.role} quoteId={quoteId} />
      {move.status === 'orphaned' && !checked && (
        <p className="change-note">
          Its words are not in this edition. It is kept with its quote until you delete it.
        </p>
      )}
      <div className="change-actions">
        {placed && (
          <button
            type="button"
            className="button change-action"
            aria-describedby={quoteId}
            onClick={(event) => onShow(placed, event.currentTarget)}
          >
            Show
          </button>
        )}
        {onMarkReviewed && (
          <button
            type="button"
            className="button change-action"
            aria-describedby={quoteId}
            onClick={onMarkReviewed}
          >
            {move.status === 'orphaned' ? 'Keep' : 'Looks right'}
          </button>
        )}
        {highlight && (
          <button
            type="button"
            className="button button-quiet change-action change-action-delete"
            aria-describedby={quoteId}
            onClick={onDelete}
          >
            Delete
          </button>
        )}
      </div>
    </li>
  );
}

/** A folded list of carried-over highlights under a disclosure button; nothing when empty. */
function FoldedMoves({
  id,
  title,
  label,
  className,
  expanded,
  onToggle,
  children,
}: {
  id: string;
  title: string;
  label: string;
  className: string;
  expanded: boolean;
  onToggle: () => void;
  children: ReactElement[];
}) {
  if (children.length === 0) return null;
  return (
    <>
      <button
        type="button"
        className="changes-disclosure"
        aria-expanded={expanded}
        aria-controls={id}
        onClick={onToggle}
      >
        <span className="changes-chevron" aria-hidden="true" />
        {title}
        <span className="changes-count">{children.length}</span>
      </button>
      <ul className={`changes-list ${className}`} id={id} aria-label={label} hidden={!expanded}>
        {children}
      </ul>
    </>
  );
}

/**
 * The changes of a brief with a previous edition: the carried-over highlights that did not
 * land exactly, to check one by one; then the sections this edition changed or added, and those
 * it dropped. A highlight not found is never left out: once checked it moves to "Checked".
 */
export function ChangesPanel({
  review,
  sections,
  highlights,
  onMarkReviewed,
  onDelete,
  onJumpToSection,
  onShow,
}: ChangesPanelProps) {
  const [showChecked, setShowChecked] = useState(false);
  const [showMoved, setShowMoved] = useState(false);
  const panelRef = useRef<HTMLDivElement>(null);
  const idPrefix = useId();
  const sectionsById = useMemo(
    () => new Map(sections.map((section) => [section.id, section])),
    [sections],
  );
  const highlightsById = useMemo(
    () => new Map((highlights ?? []).map((highlight) => [highlight.id, highlight])),
    [highlights],
  );
  const lists = useMemo(
    () => reviewLists(review, highlights ? new Set(highlightsById.keys()) : null),
    [review, highlights, highlightsById],
  );

  /**
   * An item is leaving the to-check list: focus goes to the next one's first button (or the
   * list's heading), not to the page, so a keyboard user carries on where they were.
   */
  const moveFocusOnFrom = (highlightId: string) => {
    const panel = panelRef.current;
    if (!panel) return;
    const items = [
      ...panel.querySelectorAll<HTMLElement>(
        '.changes-to-check > .change-item, .changes-moved > .change-item',
      ),
    ];
    const index = items.findIndex((item) => item.dataset.highlightId === highlightId);
    const next = items[index + 1] ?? items[index - 1];
    const target =
      next?.querySelector<HTMLElement>('button') ??
      panel.querySelector<HTMLElement>(`#${CSS.escape(`${idPrefix}-to-check`)}`);
    target?.focus();
  };

  const markReviewed = async (highlightId: string) => {
    if (await onMarkReviewed(highlightId)) moveFocusOnFrom(highlightId);
  };

  const remove = (highlightId: string) => {
    moveFocusOnFrom(highlightId);
    onDelete(highlightId);
  };

  const item = (move: HighlightMove, checked: boolean) => (
    <MoveItem
      key={move.highlightId}
      move={move}
      highlight={highlightsById.get(move.highlightId)}
      sections={sections}
      sectionsById={sectionsById}
      checked={checked}
      onShow={onShow}
      onMarkReviewed={checked ? undefined : () => void markReviewed(move.highlightId)}
      onDelete={() => remove(move.highlightId)}
    />
  );

  const changed = review.changedSections.filter((change) => sectionsById.has(change.sectionId));
  const checkedId = `${idPrefix}-checked`;
  const movedId = `${idPrefix}-moved`;

  return (
    <div className="changes" ref={panelRef} data-testid="changes-panel">
      <p className="changes-since" dir="auto">
        Previous edition: {review.previous.sourceName}, imported{' '}
        {formatTimestamp(review.previous.importedAt)}.
      </p>

      <section className="changes-group" aria-labelledby={`${idPrefix}-to-check`}>
        <h3 className="changes-title" id={`${idPrefix}-to-check`} tabIndex={-1}>
          Highlights to check
          <span className="changes-count">{lists.toCheck.length}</span>
        </h3>
        {lists.toCheck.length > 0 ? (
          <ul className="changes-list changes-to-check">
            {lists.toCheck.map((move) => item(move, false))}
          </ul>
        ) : (
          <p className="changes-empty">
            {lists.moved.length > 0
              ? 'None: the rest were found with the same words.'
              : lists.checked.length > 0
                ? 'All carried-over highlights are checked.'
                : 'Every carried-over highlight landed where it was.'}
          </p>
        )}
        <FoldedMoves
          id={movedId}
          title="Moved, same words"
          label="Highlights moved with the same words"
          className="changes-moved"
          expanded={showMoved}
          onToggle={() => setShowMoved(!showMoved)}
        >
          {lists.moved.map((move) => item(move, false))}
        </FoldedMoves>
        <FoldedMoves
          id={checkedId}
          title="Checked"
          label="Checked highlights"
          className="changes-checked"
          expanded={showChecked}
          onToggle={() => setShowChecked(!showChecked)}
        >
          {lists.checked.map((move) => item(move, true))}
        </FoldedMoves>
      </section>

      {changed.length > 0 && (
        <section className="changes-group" aria-labelledby={`${idPrefix}-sections`}>
          <h3 className="changes-title" id={`${idPrefix}-sections`}>
            Sections changed in this edition
            <span className="changes-count">{changed.length}</span>
          </h3>
          <ul className="changes-sections">
            {changed.map((change) => {
              const section = sectionsById.get(change.sectionId);
              if (!section) return null;
              return (
                <li key={change.sectionId}>
                  <button
                    type="button"
                    className="changes-section"
                    title={SECTION_CHANGE_TEXT[change.change]}
                    onClick={() => onJumpToSection(change.sectionId)}
                  >
                    <span className={`changes-kind changes-kind-${change.change}`}>
                      {change.change === 'added' ? 'New' : 'Changed'}
                    </span>
                    <span className="changes-section-name" dir="auto">
                      {sectionLabel(section, sections)}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {review.removedSections.length > 0 && (
        <section className="changes-group" aria-labelledby={`${idPrefix}-removed`}>
          <h3 className="changes-title" id={`${idPrefix}-removed`}>
            Sections removed
            <span className="changes-count">{review.removedSections.length}</span>
          </h3>
          <ul className="changes-removed">
            {review.removedSections.map((section) => (
              <li key={section.sectionId} dir="auto">
                {section.heading.trim() || 'Untitled section'}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
