import type { SectionChangeKind } from '../../../../shared/editions';
import { sectionHeadingDomId } from '../reader/domIds';

/** The id of a section heading's badge, for the heading's aria-describedby. */
export const sectionChangeBadgeId = (sectionId: string): string =>
  `${sectionHeadingDomId(sectionId)}-change`;

/**
 * "Changed" or "New" beside a section heading of a brief with a previous edition. Hidden from
 * the heading's name and from find-in-page (it is not the brief's text); the heading names it as
 * its description instead: "Changed in this edition".
 */
export function SectionChangeBadge({
  sectionId,
  change,
}: {
  sectionId: string;
  change: SectionChangeKind;
}) {
  return (
    <span
      id={sectionChangeBadgeId(sectionId)}
      className={change === 'added' ? 'section-change-badge is-added' : 'section-change-badge'}
      aria-hidden="true"
      data-testid="section-change-badge"
    >
      {change === 'added' ? 'New' : 'Changed'}
      <span className="edition-visually-hidden"> in this edition</span>
    </span>
  );
}
