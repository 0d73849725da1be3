import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { HIGHLIGHT_ROLES, type HighlightRole } from '../../../../shared/highlights';
import type { ReaderSettings } from '../../../../shared/reader/readerSettings';
import { api } from '../../api/api';
import { applyReaderSettings } from './applyReaderSettings';
import { cacheReaderSettings, readCachedReaderSettings } from './cachedReaderSettings';
import { reportSettingsSave } from './settingsSaveStatus';

export interface ReaderSettingsState {
  settings: ReaderSettings;
  /** The reader's name for each highlight role, for RoleLabelsContext. */
  roleLabels: Readonly<Record<HighlightRole, string>>;
  /** Applies a change at once and saves it; a failed save is reported in `error`. */
  change: (patch: Partial<ReaderSettings>) => void;
  error: string | null;
  dismissError: () => void;
}

/** The reader settings for the whole window: loaded from the library, applied to <html>. */
export function useReaderSettings(): ReaderSettingsState {
  const [settings, setSettings] = useState(readCachedReaderSettings);
  const [error, setError] = useState<string | null>(null);
  // Saves are sent in order; the latest one wins even if an earlier answer arrives late.
  const saveCounter = useRef(0);
  // What `change` builds on: the last settings applied, whether loaded or changed.
  const latest = useRef(settings);

  useEffect(() => {
    let cancelled = false;
    void api['settings.get']({}).then((result) => {
      if (cancelled || !result.ok || saveCounter.current > 0) return;
      latest.current = result.value;
      setSettings(result.value);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    applyReaderSettings(settings);
    cacheReaderSettings(settings);
  }, [settings]);

  const change = useCallback((patch: Partial<ReaderSettings>) => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setSettings(next);
    const saveNumber = ++saveCounter.current;
    reportSettingsSave({ state: 'saving' });
    void api['settings.save']({ settings: next }).then((result) => {
      if (saveNumber !== saveCounter.current) return;
      reportSettingsSave(
        result.ok ? { state: 'saved' } : { state: 'failed', message: result.error.message },
      );
      setError(result.ok ? null : `Your reading settings were not saved: ${result.error.message}`);
    });
  }, []);

  const roles = settings.roles;
  const roleLabels = useMemo(
    () =>
      Object.fromEntries(HIGHLIGHT_ROLES.map((role) => [role, roles[role].label])) as Record<
        HighlightRole,
        string
      >,
    [roles],
  );

  return { settings, roleLabels, change, error, dismissError: () => setError(null) };
}
