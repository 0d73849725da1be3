import { useCallback, useRef, useState, type ChangeEvent } from 'react';
import type { Brief } from '../../../../shared/model';
import { api } from '../../api/api';
import { importFiles, type ImportStatus } from '../library/importFiles';
import { leaveCarryOver } from './pendingCarryOver';

/** Why an "Import new edition…" went no further, for an alert in the reader. */
export interface NewEditionProblem {
  title: string;
  message: string;
}

export interface NewEditionImport {
  /** The hidden file input's ref callback. */
  attachInput: (input: HTMLInputElement | null) => void;
  onFileChosen: (event: ChangeEvent<HTMLInputElement>) => void;
  /** Opens the file picker; call from the click that asks for it. */
  pick: () => void;
  progress: ImportStatus | null;
  cancel: () => void;
  problem: NewEditionProblem | null;
  dismissProblem: () => void;
}

/**
 * "Import new edition…" for the open brief: the file the reader picks is imported with the
 * usual progress, made the newer edition of this brief, and opened; the summary of what moved
 * waits for it in pendingCarryOver.
 */
export function useNewEditionImport(
  brief: Pick<Brief, 'id' | 'title'> | null,
  onOpenBrief: ((briefId: string) => void) | undefined,
): NewEditionImport {
  const [input, attachInput] = useState<HTMLInputElement | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const [progress, setProgress] = useState<ImportStatus | null>(null);
  const [problem, setProblem] = useState<NewEditionProblem | null>(null);

  const run = async (file: File) => {
    if (!brief || abortRef.current) return;
    const controller = new AbortController();
    abortRef.current = controller;
    setProblem(null);
    const outcome = await importFiles([file], {
      signal: controller.signal,
      onStatus: setProgress,
    });
    abortRef.current = null;
    setProgress(null);
    const [failure] = outcome.failures;
    if (failure) {
      setProblem({ title: 'The new edition could not be imported', message: failure.message });
      return;
    }
    const [imported] = outcome.imported;
    if (outcome.cancelled || !imported) return;
    if (imported.id === brief.id) {
      setProblem({
        title: 'This is the same edition',
        message: `“${file.name}” is the file this brief was imported from, so there is nothing to carry over. Choose the file of the newer edition.`,
      });
      return;
    }
    const result = await api['editions.adopt']({
      briefId: imported.id,
      previousBriefId: brief.id,
    });
    if (!result.ok) {
      setProblem({
        title: 'The highlights and notes could not be carried over',
        message: `${result.error.message} “${imported.title}” was imported and is in your library as a separate brief.`,
      });
      return;
    }
    leaveCarryOver(result.value);
    onOpenBrief?.(imported.id);
  };

  const onFileChosen = (event: ChangeEvent<HTMLInputElement>) => {
    const [file] = Array.from(event.target.files ?? []);
    // Cleared so that choosing the same file again tries again.
    event.target.value = '';
    if (file) void run(file);
  };

  const pick = useCallback(() => input?.click(), [input]);
  const cancel = useCallback(() => abortRef.current?.abort(), []);
  const dismissProblem = useCallback(() => setProblem(null), []);

  return { attachInput, onFileChosen, pick, progress, cancel, problem, dismissProblem };
}
