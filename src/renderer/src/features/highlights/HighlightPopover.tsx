import {
  type KeyboardEvent,
  type RefObject,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import {
  type Highlight,
  type HighlightRole,
  MAX_COMMENT_LENGTH,
} from '../../../../shared/highlights';
import { anchorStatusLabel } from './anchorStatusLabel';
import type { Box } from './floatingPosition';
import { RoleSwatches } from './RoleSwatches';
import { SAVE_COMMENT_SHORTCUT_LABEL } from './shortcutLabels';
import { useFloatingPosition } from './useFloatingPosition';
import { useRoleLabels } from './useRoleLabels';

type CommentSaveState = 'idle' | 'saving' | 'saved' | 'failed';
type CopyState = 'idle' | 'copied' | 'failed';
type QuoteState = 'idle' | 'quoted' | 'failed';

const SAVE_STATE_TEXT: Record<CommentSaveState, string> = {
  idle: '',
  saving: 'Saving…',
  saved: 'Saved',
  failed: 'Not saved',
};

interface HighlightPopoverProps {
  highlight: Highlight;
  /** The text to copy: the whole selection, when it spanned sections. */
  quote: string;
  paneRef: RefObject<HTMLElement | null>;
  anchor: () => Box | null;
  /** Opened from "Comment": the comment field takes focus rather than the popover. */
  focusComment: boolean;
  onRole: (role: HighlightRole) => void;
  /** Resolves to whether the library saved it. */
  onSaveComment: (comment: string) => Promise<boolean>;
  onDelete: () => void;
  /**
   * Adds the highlight, with the comment as typed, to its section's note; resolves to whether
   * it went in. Absent while the notes cannot take it.
   */
  onQuoteIntoNote?: (comment: string) => boolean;
  /** `restoreFocus`: give the keyboard back to the document (Escape), not to where one clicked. */
  onClose: (restoreFocus: boolean) => void;
}

/**
 * What one can do with a highlight one clicked: change its colour, write its comment (saved on
 * leaving the field or with Ctrl+Enter), copy its text, quote it into the note, delete it. Also says when the highlight
 * no longer sits exactly where it was made.
 */
export function HighlightPopover({
  highlight,
  quote,
  paneRef,
  anchor,
  focusComment,
  onRole,
  onSaveComment,
  onDelete,
  onQuoteIntoNote,
  onClose,
}: HighlightPopoverProps) {
  const popoverRef = useRef<HTMLDivElement>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const titleId = useId();
  const hintId = useId();
  const [draft, setDraft] = useState(highlight.comment);
  const [saveState, setSaveState] = useState<CommentSaveState>('idle');
  const [copyState, setCopyState] = useState<CopyState>('idle');
  const [quoteState, setQuoteState] = useState<QuoteState>('idle');
  // What the library has; a draft that differs is saved on blur, Ctrl+Enter or closing.
  const savedComment = useRef(highlight.comment);
  const draftRef = useRef(draft);
  const saveRef = useRef(onSaveComment);
  useEffect(() => {
    draftRef.current = draft;
    saveRef.current = onSaveComment;
  });

  useFloatingPosition(popoverRef, paneRef, anchor);

  useLayoutEffect(() => {
    if (focusComment) commentRef.current?.focus();
    else popoverRef.current?.focus({ preventScroll: true });
  }, [focusComment]);

  // Closing by clicking elsewhere or pressing Escape must not drop what was typed.
  useEffect(
    () => () => {
      if (draftRef.current !== savedComment.current) void saveRef.current(draftRef.current);
    },
    [],
  );

  useEffect(() => {
    if (copyState === 'idle') return;
    const timer = window.setTimeout(() => setCopyState('idle'), 2000);
    return () => window.clearTimeout(timer);
  }, [copyState]);

  useEffect(() => {
    if (quoteState === 'idle') return;
    const timer = window.setTimeout(() => setQuoteState('idle'), 2000);
    return () => window.clearTimeout(timer);
  }, [quoteState]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && popoverRef.current?.contains(event.target)) return;
      onClose(false);
    };
    document.addEventListener('pointerdown', onPointerDown, { capture: true });
    return () => document.removeEventListener('pointerdown', onPointerDown, { capture: true });
  }, [onClose]);

  const saveComment = async () => {
    const comment = draftRef.current;
    const previous = savedComment.current;
    if (comment === previous) return;
    savedComment.current = comment;
    setSaveState('saving');
    const saved = await onSaveComment(comment);
    setSaveState(saved ? 'saved' : 'failed');
    // Refused: the draft still differs, so leaving the field tries again.
    if (!saved) savedComment.current = previous;
  };

  const onCommentKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void saveComment();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose(true);
    }
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(quote);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  };

  const status = anchorStatusLabel(highlight);
  const roleLabel = useRoleLabels()[highlight.role];

  return (
    <div
      ref={popoverRef}
      className="hl-popover"
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      data-testid="highlight-popover"
      onKeyDown={onKeyDown}
    >
      <div className="hl-popover-head">
        <p className="hl-popover-title" id={titleId}>
          <span className={`hl-role-dot hl-role-dot-${highlight.role}`} aria-hidden="true" />
          {roleLabel} highlight
        </p>
        {status && (
          <span
            className={`hl-status hl-status-${highlight.status}`}
            title="The brief's text changed since this highlight was made."
          >
            {status}
          </span>
        )}
      </div>
      <div className="hl-popover-roles" role="group" aria-label="Colour">
        <RoleSwatches current={highlight.role} onChoose={onRole} />
      </div>
      <textarea
        ref={commentRef}
        className="hl-comment"
        aria-label="Comment"
        aria-describedby={hintId}
        placeholder="Add a comment…"
        rows={3}
        maxLength={MAX_COMMENT_LENGTH}
        value={draft}
        onChange={(event) => {
          setDraft(event.target.value);
          if (saveState !== 'saving') setSaveState('idle');
        }}
        onBlur={() => void saveComment()}
        onKeyDown={onCommentKeyDown}
      />
      <p className="hl-comment-state" id={hintId} data-testid="comment-state" aria-live="polite">
        <span className={saveState === 'failed' ? 'is-failed' : undefined}>
          {SAVE_STATE_TEXT[saveState]}
        </span>
        <span className="hl-comment-hint">{SAVE_COMMENT_SHORTCUT_LABEL} to save</span>
      </p>
      <div className="hl-popover-actions">
        <button type="button" className="button button-quiet" onClick={() => void copy()}>
          {copyState === 'copied' ? 'Copied' : copyState === 'failed' ? 'Copy failed' : 'Copy text'}
        </button>
        {onQuoteIntoNote && (
          <button
            type="button"
            className="button button-quiet hl-quote-note"
            onClick={() => setQuoteState(onQuoteIntoNote(draftRef.current) ? 'quoted' : 'failed')}
          >
            {quoteState === 'quoted'
              ? 'Quoted in note'
              : quoteState === 'failed'
                ? 'Not quoted'
                : 'Quote into note'}
          </button>
        )}
        <button type="button" className="button button-quiet hl-delete" onClick={onDelete}>
          Delete
        </button>
      </div>
    </div>
  );
}
