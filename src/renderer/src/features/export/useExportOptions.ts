import { useEffect, useState } from 'react';
import {
  DEFAULT_EXPORT_OPTIONS,
  withExportOptions,
  type ExportOptions,
} from '../../../../shared/exportOptions';
import { api } from '../../api/api';

export interface ExportOptionsState {
  /** `null` until the remembered choices have been read. */
  options: ExportOptions | null;
  /** Why the remembered choices could not be read; the defaults are shown instead. */
  loadError: string | null;
  change: (change: Partial<ExportOptions>) => ExportOptions;
}

/**
 * The export choices shown in a dialog, starting from the ones last used. They are remembered
 * by the export that uses them, not here.
 */
export function useExportOptions(): ExportOptionsState {
  const [options, setOptions] = useState<ExportOptions | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    void api['export.options']({}).then((result) => {
      if (cancelled) return;
      if (result.ok) {
        setOptions(result.value);
      } else {
        setOptions({ ...DEFAULT_EXPORT_OPTIONS });
        setLoadError(
          `Your last export choices could not be read, so the defaults are shown (${result.error.message}).`,
        );
      }
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const change = (patch: Partial<ExportOptions>): ExportOptions => {
    const next = withExportOptions(options ?? DEFAULT_EXPORT_OPTIONS, patch);
    setOptions(next);
    return next;
  };

  return { options, loadError, change };
}
