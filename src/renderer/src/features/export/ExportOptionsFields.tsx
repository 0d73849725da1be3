import { useId } from 'react';
import type { ExportOptions } from '../../../../shared/exportOptions';

const FIELDS: readonly { key: keyof ExportOptions; label: string; hint: string }[] = [
  {
    key: 'includeAllSections',
    label: 'All sections',
    hint: 'Every heading of the brief, not only the sections with a note or a highlight.',
  },
  {
    key: 'includeFullText',
    label: "Each section's full text",
    hint: "The brief's own text under each heading, above your highlights and note.",
  },
  {
    key: 'groupByRole',
    label: 'Group highlights by colour role',
    hint: 'One heading per role (Key point, Evidence…) instead of highlights under their sections.',
  },
  {
    key: 'sidecar',
    label: 'Also save annotations as a W3C Web Annotation JSON sidecar',
    hint: 'When saving files: an .annotations.json file beside each Markdown file, from which Briefmark can restore your highlights and notes.',
  },
];

interface ExportOptionsFieldsProps {
  options: ExportOptions;
  onChange: (change: Partial<ExportOptions>) => void;
  disabled?: boolean;
  /** Focuses the first choice when shown. */
  autoFocus?: boolean;
}

/** The export's four choices as checkboxes, each with a line saying what it does. */
export function ExportOptionsFields({
  options,
  onChange,
  disabled,
  autoFocus,
}: ExportOptionsFieldsProps) {
  const idPrefix = useId();
  return (
    <fieldset className="export-options" disabled={disabled}>
      <legend className="export-legend">Include</legend>
      {FIELDS.map(({ key, label, hint }, index) => {
        const id = `${idPrefix}-${key}`;
        return (
          <div key={key} className="export-option">
            <input
              id={id}
              type="checkbox"
              className="export-checkbox"
              checked={options[key]}
              autoFocus={autoFocus && index === 0}
              aria-describedby={`${id}-hint`}
              onChange={(event) => onChange({ [key]: event.target.checked })}
            />
            <label htmlFor={id} className="export-option-label">
              {label}
            </label>
            <p id={`${id}-hint`} className="export-option-hint">
              {hint}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}
