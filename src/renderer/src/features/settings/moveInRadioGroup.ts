import type { KeyboardEvent } from 'react';

/**
 * Arrow keys in a radio group, as in native ones: the next or previous option (wrapping) is
 * chosen and focused. Returns the chosen value, or null when the key is not an arrow.
 */
export function moveInRadioGroup<T extends string>(
  event: KeyboardEvent<HTMLElement>,
  values: readonly T[],
  current: T,
): T | null {
  const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
  if (step === undefined || event.altKey || event.ctrlKey || event.metaKey) return null;
  event.preventDefault();
  const index = values.indexOf(current);
  const next = values[(index + step + values.length) % values.length];
  if (next === undefined) return null;
  event.currentTarget.querySelector<HTMLElement>(`[data-value="${CSS.escape(next)}"]`)?.focus();
  return next;
}
