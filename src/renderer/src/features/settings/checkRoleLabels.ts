import { HIGHLIGHT_ROLES, type HighlightRole } from '../../../../shared/highlights';
import {
  duplicateRoleLabelMessage,
  roleLabelKey,
  roleLabelProblem,
} from '../../../../shared/reader/roleSettings';

export interface RoleLabelCheck {
  /** What is wrong with a name as typed, per role; absent where the name is fine. */
  problems: Partial<Record<HighlightRole, string>>;
  /** What to save: each name that is fine, trimmed, and the saved name where one is not. */
  labels: Record<HighlightRole, string>;
}

/**
 * Checks the names as typed in the editor against the rules `settings.save` enforces. A name
 * with a problem holds back only itself; a repeated name is blamed on the role whose name
 * changed, since the other still has the name saved.
 */
export function checkRoleLabels(
  typed: Record<HighlightRole, string>,
  saved: Readonly<Record<HighlightRole, string>>,
): RoleLabelCheck {
  const problems: Partial<Record<HighlightRole, string>> = {};
  for (const role of HIGHLIGHT_ROLES) {
    const problem = roleLabelProblem(typed[role]);
    if (problem) problems[role] = problem;
  }
  const labelOf = (role: HighlightRole) => (problems[role] ? saved[role] : typed[role].trim());

  // Holding a name back brings its saved name back, which may clash in turn: check again.
  for (let clashes = true; clashes;) {
    clashes = false;
    const byKey = new Map<string, HighlightRole[]>();
    for (const role of HIGHLIGHT_ROLES) {
      const key = roleLabelKey(labelOf(role));
      byKey.set(key, [...(byKey.get(key) ?? []), role]);
    }
    for (const group of byKey.values()) {
      const changed = group.filter((role) => labelOf(role) !== saved[role]);
      if (group.length < 2 || changed.length === 0) continue;
      for (const role of changed) problems[role] = duplicateRoleLabelMessage(typed[role]);
      clashes = true;
    }
  }

  const labels = Object.fromEntries(HIGHLIGHT_ROLES.map((role) => [role, labelOf(role)]));
  return { problems, labels: labels as Record<HighlightRole, string> };
}
