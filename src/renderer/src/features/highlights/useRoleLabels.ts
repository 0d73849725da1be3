import { createContext, useContext } from 'react';
import { DEFAULT_ROLE_LABELS, type HighlightRole } from '../../../../shared/highlights';

/** The names the user gave the colour roles; the defaults until settings have loaded. */
export const RoleLabelsContext =
  createContext<Readonly<Record<HighlightRole, string>>>(DEFAULT_ROLE_LABELS);

export function useRoleLabels(): Readonly<Record<HighlightRole, string>> {
  return useContext(RoleLabelsContext);
}
