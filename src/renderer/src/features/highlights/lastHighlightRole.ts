import { HIGHLIGHT_ROLES, type HighlightRole } from '../../../../shared/highlights';

const STORAGE_KEY = 'briefmark.lastHighlightRole';
const DEFAULT_ROLE: HighlightRole = 'key-point';

/** The part of Web Storage used here; tests pass their own. */
export interface RoleStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

// Read when called, not when imported: reaching localStorage throws where storage is disabled.
function browserStorage(): RoleStorage {
  return (globalThis as unknown as { localStorage: RoleStorage }).localStorage;
}

function isHighlightRole(value: unknown): value is HighlightRole {
  return typeof value === 'string' && (HIGHLIGHT_ROLES as readonly string[]).includes(value);
}

/** The colour the shortcut and "Comment" use: the one chosen last, in any brief. */
export function readLastHighlightRole(storage?: RoleStorage): HighlightRole {
  try {
    const stored = (storage ?? browserStorage()).getItem(STORAGE_KEY);
    return isHighlightRole(stored) ? stored : DEFAULT_ROLE;
  } catch {
    // Storage can be disabled; the default colour still works.
    return DEFAULT_ROLE;
  }
}

export function saveLastHighlightRole(role: HighlightRole, storage?: RoleStorage): void {
  try {
    (storage ?? browserStorage()).setItem(STORAGE_KEY, role);
  } catch {
    // Not remembering the colour is not worth interrupting the reader.
  }
}
