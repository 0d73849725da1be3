import { useSyncExternalStore } from 'react';

/** Where the latest settings save is: shown by editors that save as the reader types. */
export type SettingsSaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved' }
  | { state: 'failed'; message: string };

// One window has one set of reader settings, so one status for the window.
let current: SettingsSaveStatus = { state: 'idle' };
const listeners = new Set<() => void>();

export function reportSettingsSave(status: SettingsSaveStatus): void {
  current = status;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSettingsSaveStatus(): SettingsSaveStatus {
  return useSyncExternalStore(subscribe, () => current);
}
