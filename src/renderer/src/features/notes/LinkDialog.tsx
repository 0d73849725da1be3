import { useId, useState, type FormEvent } from 'react';
import { Dialog } from '../../components/Dialog';
import { isBriefmarkHref } from '../../../../shared/briefmarkLink';
import { safeLinkHref } from './safeLinkHref';

interface LinkDialogProps {
  initialHref: string;
  onApply: (href: string) => void;
  onRemove: (() => void) | null;
  /** Follows the link in the field: to the highlight it names, or out to the browser. */
  onFollow: (href: string) => void;
  onClose: () => void;
}

/**
 * Asks for a link address; only http, https and mailto addresses are accepted, and links back
 * to a highlight of the brief. An existing link can be followed from here too, by keyboard.
 */
export function LinkDialog({ initialHref, onApply, onRemove, onFollow, onClose }: LinkDialogProps) {
  const [value, setValue] = useState(initialHref);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const href = safeLinkHref(value);
    if (href === null) {
      setError('Enter a web address (https://…) or an e-mail address (mailto:…).');
      return;
    }
    onApply(href);
  };

  // What "Go to" would follow: the address in the field, once it is one a note may hold.
  const followable = initialHref ? safeLinkHref(value) : null;

  return (
    <Dialog title={initialHref ? 'Edit link' : 'Add link'} onClose={onClose}>
      <form className="dialog-form" onSubmit={submit} noValidate>
        <label htmlFor={inputId} className="field-label">
          Address
        </label>
        <input
          id={inputId}
          className="field-input"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://example.org/report"
          value={value}
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
        />
        {error && (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          {onRemove && (
            <button
              type="button"
              className="button button-quiet dialog-action-start"
              onClick={onRemove}
            >
              Remove link
            </button>
          )}
          {followable && (
            <button
              type="button"
              className={
                onRemove ? 'button button-quiet' : 'button button-quiet dialog-action-start'
              }
              onClick={() => onFollow(followable)}
            >
              {isBriefmarkHref(followable) ? 'Go to highlight' : 'Open link'}
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary">
            {initialHref ? 'Update' : 'Add link'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
