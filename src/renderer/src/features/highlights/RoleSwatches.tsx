import { HIGHLIGHT_ROLES, type HighlightRole } from '../../../../shared/highlights';
import { useRoleLabels } from './useRoleLabels';

interface RoleSwatchesProps {
  /** The role shown as chosen (a highlight's own colour); none in the selection toolbar. */
  current?: HighlightRole;
  /** The role the shortcut would use, marked so the reader learns which it is. */
  lastUsed?: HighlightRole;
  /** Added to each button's tooltip, e.g. how to use it from the keyboard. */
  hint?: (role: HighlightRole) => string | undefined;
  onChoose: (role: HighlightRole) => void;
}

/** One button per colour role, named by the role so that screen readers say "Evidence". */
export function RoleSwatches({ current, lastUsed, hint, onChoose }: RoleSwatchesProps) {
  const labels = useRoleLabels();
  return (
    <>
      {HIGHLIGHT_ROLES.map((role) => {
        const label = labels[role];
        const extra = hint?.(role);
        return (
          <button
            key={role}
            type="button"
            className={`hl-swatch hl-swatch-${role}${role === lastUsed ? ' is-last-used' : ''}`}
            aria-label={label}
            aria-pressed={current === undefined ? undefined : role === current}
            title={extra ? `${label} (${extra})` : label}
            onClick={() => onChoose(role)}
          >
            <span className="hl-swatch-dot" aria-hidden="true" />
          </button>
        );
      })}
    </>
  );
}
