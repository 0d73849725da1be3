import { useEffect, useState } from 'react';

// Long enough to be read, short enough not to linger over what comes next.
const SHOWN_MS = 2500;

/** A short confirmation such as "Copied" that clears itself after a moment. */
export function useFlashStatus(): [string | null, (text: string | null) => void] {
  const [status, setStatus] = useState<{ text: string; seq: number } | null>(null);

  useEffect(() => {
    if (status === null) return;
    const timer = window.setTimeout(() => setStatus(null), SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [status]);

  const show = (text: string | null) =>
    setStatus((current) => (text === null ? null : { text, seq: (current?.seq ?? 0) + 1 }));
  return [status?.text ?? null, show];
}
