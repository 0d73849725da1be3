import { useId, type KeyboardEvent } from 'react';
import { moveInRadioGroup } from './moveInRadioGroup';

interface ChoiceGroupProps<T extends string> {
  label: string;
  options: { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
  /** Shows each option as a small page in its theme's colours. */
  swatches?: boolean;
}

/**
 * A segmented radio group: one tab stop, arrow keys move and choose, as in native radio groups.
 */
export function ChoiceGroup<T extends string>({
  label,
  options,
  value,
  onChange,
  swatches = false,
}: ChoiceGroupProps<T>) {
  const labelId = useId();

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const values = options.map((option) => option.value);
    const next = moveInRadioGroup(event, values, value);
    if (next !== null) onChange(next);
  };

  return (
    <div className="settings-row">
      <span className="settings-label" id={labelId}>
        {label}
      </span>
      <div
        className={swatches ? 'choice-group choice-swatches' : 'choice-group'}
        role="radiogroup"
        aria-labelledby={labelId}
        onKeyDown={onKeyDown}
      >
        {options.map((option) => {
          const checked = option.value === value;
          return (
            <button
              key={option.value}
              type="button"
              role="radio"
              aria-checked={checked}
              tabIndex={checked ? 0 : -1}
              data-value={option.value}
              className="choice"
              onClick={() => onChange(option.value)}
            >
              {swatches && (
                <span className={`choice-swatch swatch-${option.value}`} aria-hidden="true" />
              )}
              {option.label}
            </button>
          );
        })}
      </div>
    </div>
  );
}
