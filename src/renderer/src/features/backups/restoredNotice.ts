const NOTICE_KEY = 'briefmark.restoredNotice';

/**
 * Keeps the sentence on what a restore did across the reload that follows it: the reload is
 * what makes every view read the restored library.
 */
export function reloadWithNotice(text: string): void {
  try {
    sessionStorage.setItem(NOTICE_KEY, text);
  } catch {
    // Storage can be disabled: the restore still happened, only the line after it is lost.
  }
  window.location.reload();
}

/** The sentence left by the restore before this load; null when there is none. */
export function readRestoredNotice(): string | null {
  try {
    return sessionStorage.getItem(NOTICE_KEY);
  } catch {
    return null;
  }
}

/** Shown once: a later reload does not show it again. */
export function forgetRestoredNotice(): void {
  try {
    sessionStorage.removeItem(NOTICE_KEY);
  } catch {
    // Nothing was stored.
  }
}
