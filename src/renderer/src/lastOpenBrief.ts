const STORAGE_KEY = 'briefmark.openBrief';

/** The brief open in this window before a reload, so a reload returns to it. */
export function readLastOpenBrief(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Remembers (or, with null, forgets) the brief open in this window. */
export function rememberOpenBrief(briefId: string | null): void {
  try {
    if (briefId === null) sessionStorage.removeItem(STORAGE_KEY);
    else sessionStorage.setItem(STORAGE_KEY, briefId);
  } catch {
    // Without storage a reload simply starts at the library.
  }
}
