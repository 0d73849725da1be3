import {
  type KeyboardEvent,
  type RefObject,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { useFindInDocument } from './useFindInDocument';
import { useFindShortcuts } from './useFindShortcuts';
import { Icon } from '../../components/Icon';

const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform);
const COMMAND = IS_MAC ? '⌘' : 'Ctrl+';

function countLabel(query: string, total: number, current: number): string {
  if (query.trim().length === 0) return '';
  if (total === 0) return 'No matches';
  return `${current + 1} of ${total}`;
}

/**
 * Find in the brief: Ctrl+F (Cmd+F) opens it over the top of the document, matches are painted
 * as the reader types, Enter and Shift+Enter move between them, Escape closes it.
 */
export function FindBar({ documentRef }: { documentRef: RefObject<HTMLElement | null> }) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  // Bumped on each Ctrl+F, so pressing it again re-focuses and re-selects the query.
  const [focusRequest, setFocusRequest] = useState(0);
  const countId = useId();
  const barRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const obscuredTop = useCallback(() => {
    const bar = barRef.current;
    const root = documentRef.current;
    if (!bar || !root) return 0;
    return Math.max(0, bar.getBoundingClientRect().bottom - root.getBoundingClientRect().top);
  }, [documentRef]);
  const { total, current, search, step, stop } = useFindInDocument(documentRef, obscuredTop);

  useEffect(() => {
    if (open) search(query);
    else stop();
  }, [open, query, search, stop]);

  useLayoutEffect(() => {
    if (focusRequest === 0) return;
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [focusRequest]);

  const close = useCallback(() => {
    setOpen(false);
    documentRef.current?.focus({ preventScroll: true });
  }, [documentRef]);

  useFindShortcuts(documentRef, open, {
    open: () => {
      setOpen(true);
      setFocusRequest((count) => count + 1);
    },
    step: (direction) => {
      if (!open) {
        setOpen(true);
        setFocusRequest((count) => count + 1);
      } else {
        step(direction);
      }
    },
    close,
  });

  if (!open) return null;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };
  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    step(event.shiftKey ? -1 : 1);
  };
  const label = countLabel(query, total, current);

  return (
    <div
      className="find-bar"
      role="search"
      aria-label="Find in brief"
      ref={barRef}
      onKeyDown={onKeyDown}
    >
      <input
        ref={inputRef}
        className="find-input"
        type="text"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onInputKeyDown}
        placeholder="Find in brief"
        aria-label="Find in brief"
        aria-describedby={countId}
        dir="auto"
        spellCheck={false}
        autoComplete="off"
      />
      <span
        id={countId}
        className={`find-count${label === 'No matches' ? ' is-empty' : ''}`}
        role="status"
        aria-live="polite"
      >
        {label}
      </span>
      <button
        type="button"
        className="tool-button"
        aria-label="Previous match"
        title="Previous match (Shift+Enter)"
        disabled={total === 0}
        onClick={() => step(-1)}
      >
        <Icon name="chevronUp" size={16} />
      </button>
      <button
        type="button"
        className="tool-button"
        aria-label="Next match"
        title="Next match (Enter)"
        disabled={total === 0}
        onClick={() => step(1)}
      >
        <Icon name="chevronDown" size={16} />
      </button>
      <button
        type="button"
        className="tool-button"
        aria-label="Close find"
        title={`Close (Esc) · reopen with ${COMMAND}F`}
        onClick={close}
      >
        <Icon name="close" size={16} />
      </button>
    </div>
  );
}
