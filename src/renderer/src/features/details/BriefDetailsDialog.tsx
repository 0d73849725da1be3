import { useId, useState, type FormEvent, type ReactElement } from 'react';
import type { Brief, BriefMeta } from '../../../../shared/model';
import { api } from '../../api/api';
import { Dialog } from '../../components/Dialog';

interface BriefDetailsDialogProps {
  brief: Brief;
  onSaved: (brief: Brief) => void;
  onClose: () => void;
  /** Picks the file of a newer edition of this brief, to carry its highlights and notes over. */
  onImportNewEdition?: () => void;
}

type TextField =
  'title' | 'subtitle' | 'organisation' | 'reference' | 'documentType' | 'date' | 'language';

const FIELDS: { key: TextField; label: string; hint?: string; wide?: boolean }[] = [
  { key: 'title', label: 'Title', wide: true },
  { key: 'subtitle', label: 'Subtitle', wide: true },
  { key: 'organisation', label: 'Organisation' },
  { key: 'reference', label: 'Reference', hint: 'e.g. 128 SPE 24 E' },
  { key: 'documentType', label: 'Type', hint: 'e.g. Policy Brief' },
  { key: 'date', label: 'Date', hint: 'YYYY, YYYY-MM or YYYY-MM-DD' },
  { key: 'language', label: 'Language', hint: 'a code such as en, fr or ar' },
];

const splitList = (text: string): string[] =>
  text
    .split(/[,;\n]/)
    .map((item) => item.trim())
    .filter(Boolean);

/** Edits what the importer recovered about a brief: title, organisation, reference, date… */
export function BriefDetailsDialog({
  brief,
  onSaved,
  onClose,
  onImportNewEdition,
}: BriefDetailsDialogProps) {
  const [values, setValues] = useState<Record<TextField, string>>(() => ({
    title: brief.meta.title,
    subtitle: brief.meta.subtitle ?? '',
    organisation: brief.meta.organisation ?? '',
    reference: brief.meta.reference ?? '',
    documentType: brief.meta.documentType ?? '',
    date: brief.meta.date ?? '',
    language: brief.meta.language ?? '',
  }));
  const [authors, setAuthors] = useState(brief.meta.authors.join(', '));
  const [tags, setTags] = useState(brief.meta.tags.join(', '));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const idPrefix = useId();
  const errorId = `${idPrefix}-error`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
    const meta: BriefMeta = {
      title: values.title.trim(),
      subtitle: orNull(values.subtitle),
      organisation: orNull(values.organisation),
      reference: orNull(values.reference),
      documentType: orNull(values.documentType),
      date: orNull(values.date),
      language: orNull(values.language),
      authors: splitList(authors),
      tags: splitList(tags),
    };
    setSaving(true);
    const result = await api['briefs.updateMeta']({ briefId: brief.id, meta });
    setSaving(false);
    if (result.ok) onSaved(result.value);
    else setError(result.error.message);
  };

  const field = (id: string, label: string, input: ReactElement, hint?: string, wide = false) => (
    <div className={wide ? 'details-field details-field-wide' : 'details-field'} key={id}>
      <label htmlFor={id} className="field-label">
        {label}
        {hint && <span className="field-hint"> ({hint})</span>}
      </label>
      {input}
    </div>
  );

  return (
    <Dialog title="Brief details" onClose={onClose}>
      <form
        className="dialog-form details-form"
        onSubmit={(event) => void submit(event)}
        noValidate
      >
        <div className="details-fields">
          {FIELDS.map(({ key, label, hint, wide }) =>
            field(
              `${idPrefix}-${key}`,
              label,
              <input
                id={`${idPrefix}-${key}`}
                className="field-input"
                type="text"
                dir="auto"
                value={values[key]}
                required={key === 'title'}
                aria-describedby={error ? errorId : undefined}
                onChange={(event) => {
                  setValues((current) => ({ ...current, [key]: event.target.value }));
                  setError(null);
                }}
              />,
              hint,
              wide,
            ),
          )}
          {field(
            `${idPrefix}-authors`,
            'Authors',
            <input
              id={`${idPrefix}-authors`}
              className="field-input"
              type="text"
              dir="auto"
              value={authors}
              onChange={(event) => setAuthors(event.target.value)}
            />,
            'separated by commas',
          )}
          {field(
            `${idPrefix}-tags`,
            'Tags',
            <input
              id={`${idPrefix}-tags`}
              className="field-input"
              type="text"
              dir="auto"
              value={tags}
              onChange={(event) => setTags(event.target.value)}
            />,
            'separated by commas',
          )}
        </div>
        {error && (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          {onImportNewEdition && (
            <button
              type="button"
              className="button button-quiet dialog-action-start"
              title="Import a newer edition of this brief and carry its highlights and notes over"
              onClick={onImportNewEdition}
            >
              Import new edition…
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" aria-disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
