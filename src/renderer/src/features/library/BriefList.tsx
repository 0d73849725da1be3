import type { BriefSummary } from '../../../../shared/model';
import { formatBriefDate } from '../../format/formatBriefDate';
import { formatTimestamp } from '../../format/formatTimestamp';

interface BriefListProps {
  briefs: readonly BriefSummary[];
  onOpen: (briefId: string) => void;
}

/** The library's briefs; each row opens its brief on click or Enter. */
export function BriefList({ briefs, onOpen }: BriefListProps) {
  return (
    <ul className="brief-list" aria-label="Briefs">
      {briefs.map((brief) => {
        const detailsId = `brief-details-${brief.id}`;
        const source = [brief.organisation, brief.reference].filter(Boolean).join(' · ');
        return (
          <li key={brief.id} className="brief-row">
            <button
              type="button"
              className="brief-open"
              aria-describedby={detailsId}
              onClick={() => onOpen(brief.id)}
            >
              <span className="brief-title" dir="auto">
                {brief.title}
              </span>
            </button>
            <div id={detailsId} className="brief-details">
              <span className="brief-source" dir="auto">
                {source || brief.sourceName}
              </span>
              <span className="brief-date">
                {brief.date ? formatBriefDate(brief.date) : 'No date'}
              </span>
              {brief.earlierEditions > 0 && (
                <span className="brief-editions">
                  {brief.earlierEditions === 1
                    ? 'Replaces an earlier edition'
                    : `Replaces ${brief.earlierEditions} earlier editions`}
                </span>
              )}
              <span className="brief-imported">
                {brief.lastOpenedAt
                  ? `Last opened ${formatTimestamp(brief.lastOpenedAt)}`
                  : `Imported ${formatTimestamp(brief.importedAt)}`}
              </span>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
