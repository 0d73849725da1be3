import {
  type Ref,
  type RefObject,
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { Highlight, HighlightRole } from '../../../../shared/highlights';
import { Alert } from '../../components/Alert';
import { domRangeFor } from '../reader/domRangeFor';
import { caretAtPoint } from './caretAtPoint';
import type { Box } from './floatingPosition';
import { groupOf } from './highlightList';
import { HighlightPainter } from './HighlightPainter';
import { HighlightPopover } from './HighlightPopover';
import { highlightShortcut, isUndoShortcut } from './highlightShortcut';
import { highlightsUnderPoint } from './highlightsUnderPoint';
import { groupQuote } from './groupQuote';
import { isEditableTarget } from './isEditableTarget';
import { readLastHighlightRole, saveLastHighlightRole } from './lastHighlightRole';
import { SelectionToolbar } from './SelectionToolbar';
import { isMac } from './shortcutLabels';
import { UndoToast } from './UndoToast';
import { revealPassage } from './review/revealPassage';
import { readDocumentSelection, useDocumentSelection } from './useDocumentSelection';
import type { BriefHighlights } from './useHighlights';

interface OpenPopover {
  highlightId: string;
  /** Where it was opened: a collapsed range, so it follows the text as the pane scrolls. */
  at: Range;
  focusComment: boolean;
  /** Where Escape gives the keyboard back: the list item it was opened from; else the document. */
  returnFocus: HTMLElement | null;
  /** Counts reveals, so that revealing the highlight already open opens it afresh, focused. */
  reveal?: number;
}

/** What the reader's other panels can ask of the document's highlights. */
export interface DocumentHighlightsHandle {
  /**
   * Scrolls to a highlight, marks it and opens its popover with the keyboard in it; Escape
   * then gives focus back to `returnFocus`. Returns the highlight's section, or null when its
   * text is not in the brief (nothing happens then).
   */
  reveal: (highlightId: string, returnFocus: HTMLElement | null) => string | null;
}

interface DocumentHighlightsProps {
  /** The brief's highlights, shared with the lists that review them. */
  store: BriefHighlights;
  /** The scrolling document pane (`.reader-main`). */
  documentRef: RefObject<HTMLElement | null>;
  /** The brief's section ids in reading order, to copy a multi-section highlight in order. */
  sectionOrder: readonly string[];
  /** Adds a highlight to its section's note; absent while the notes cannot take it. */
  onQuoteIntoNote?: ((highlight: Highlight) => boolean) | null;
  ref?: Ref<DocumentHighlightsHandle>;
}

/** A box for a collapsed range: its caret box, or the line box it sits in. */
function caretBox(range: Range): Box | null {
  const rect = range.getBoundingClientRect();
  if (rect.height > 0) return rect;
  const first = range.getClientRects()[0];
  return first && first.height > 0 ? first : null;
}

function collapsedRange(node: Node, offset: number): Range {
  const range = document.createRange();
  range.setStart(node, offset);
  return range;
}

/**
 * Highlighting in the reader: the toolbar over a selection, the shortcut, the paint, the
 * popover of a clicked highlight, the undo toast after a delete and any refusal as an alert.
 */
export function DocumentHighlights({
  store,
  documentRef,
  sectionOrder,
  onQuoteIntoNote,
  ref,
}: DocumentHighlightsProps) {
  const { highlights, create, update, remove, undo, lastDeleted, forgetDeleted } = store;
  const { selection, dismiss } = useDocumentSelection(documentRef);
  const [lastRole, setLastRole] = useState<HighlightRole>(() => readLastHighlightRole());
  const [popover, setPopover] = useState<OpenPopover | null>(null);
  const painterRef = useRef<HighlightPainter | null>(null);
  const revealsRef = useRef(0);
  const toolbarRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const pane = documentRef.current;
    if (!pane) return;
    const painter = new HighlightPainter(pane, domRangeFor);
    painterRef.current = painter;
    return () => {
      painter.dispose();
      painterRef.current = null;
    };
  }, [documentRef]);

  useEffect(() => {
    painterRef.current?.setHighlights(highlights);
  }, [highlights]);

  // Null also when its highlight went (deleted, or refused by the library).
  const open =
    (popover && highlights.find((highlight) => highlight.id === popover.highlightId)) ?? null;
  const openParts = useMemo(() => (open ? groupOf(highlights, open) : []), [open, highlights]);
  useEffect(() => {
    painterRef.current?.setActive(openParts.map((part) => part.id));
  }, [openParts]);

  const chooseRole = useCallback((role: HighlightRole) => {
    setLastRole(role);
    saveLastHighlightRole(role);
  }, []);

  const focusDocument = useCallback(() => {
    documentRef.current?.focus({ preventScroll: true });
  }, [documentRef]);

  /** Highlights what is selected now; with `comment`, opens the new highlight's comment. */
  const highlightSelection = useCallback(
    async (role: HighlightRole, comment: boolean) => {
      const pane = documentRef.current;
      const current = pane ? readDocumentSelection(pane) : null;
      if (!current) return;
      chooseRole(role);
      const end = current.range.cloneRange();
      end.collapse(false);
      const hadToolbarFocus = toolbarRef.current?.contains(document.activeElement) ?? false;
      // The paint shows under the selection only once the selection is gone.
      document.getSelection()?.removeAllRanges();
      if (hadToolbarFocus) focusDocument();
      const created = await create(current.sectionRanges, role);
      const first = created?.[0];
      if (comment && first) {
        setPopover({ highlightId: first.id, at: end, focusComment: true, returnFocus: null });
      }
    },
    [chooseRole, create, documentRef, focusDocument],
  );

  // A click on painted text, with nothing selected, opens that highlight.
  useEffect(() => {
    const pane = documentRef.current;
    if (!pane) return;
    const onClick = (event: MouseEvent) => {
      if (event.button !== 0 || event.detail > 1) return;
      if (!(event.target instanceof Element) || event.target.closest('a, button')) return;
      if (!document.getSelection()?.isCollapsed) return;
      const painter = painterRef.current;
      painter?.flush();
      const [top] = highlightsUnderPoint(highlights, event.clientX, event.clientY, (id) =>
        painter ? painter.rangeOf(id) : null,
      );
      if (!top) return;
      const caret = caretAtPoint(event.clientX, event.clientY);
      if (!caret) return;
      setPopover({
        highlightId: top.id,
        at: collapsedRange(caret.node, caret.offset),
        focusComment: false,
        returnFocus: null,
      });
    };
    pane.addEventListener('click', onClick);
    return () => pane.removeEventListener('click', onClick);
  }, [documentRef, highlights]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isEditableTarget(event.target)) return;
      const target = event.target instanceof Node ? event.target : null;
      if (lastDeleted && isUndoShortcut(event, isMac)) {
        event.preventDefault();
        void undo();
        return;
      }
      const pane = documentRef.current;
      if (!pane) return;
      const reading =
        target === null ||
        target === document.body ||
        pane.contains(target) ||
        (toolbarRef.current?.contains(target) ?? false);
      if (!highlightShortcut(event, isMac, reading)) return;
      if (!readDocumentSelection(pane)) return;
      event.preventDefault();
      void highlightSelection(readLastHighlightRole(), false);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [documentRef, highlightSelection, lastDeleted, undo]);

  // Tab from the selected text goes to the toolbar, not to the next link in the brief; Escape
  // puts the toolbar away.
  useEffect(() => {
    const pane = documentRef.current;
    if (!pane || !selection) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      if (event.key === 'Escape') {
        dismiss();
        return;
      }
      if (event.key !== 'Tab' || event.shiftKey) return;
      const first = toolbarRef.current?.querySelector('button');
      if (!first) return;
      event.preventDefault();
      first.focus();
    };
    pane.addEventListener('keydown', onKeyDown);
    return () => pane.removeEventListener('keydown', onKeyDown);
  }, [dismiss, documentRef, selection]);

  const selectionBox = useMemo(
    () => (selection ? () => selection.range.getBoundingClientRect() : null),
    [selection],
  );
  const popoverBox = useMemo(() => (popover ? () => caretBox(popover.at) : null), [popover]);

  useImperativeHandle(
    ref,
    () => ({
      reveal: (highlightId, returnFocus) => {
        const pane = documentRef.current;
        const highlight = highlights.find((candidate) => candidate.id === highlightId);
        if (!pane || !highlight || highlight.status === 'orphaned') return null;
        const { sectionId } = highlight.anchor;
        const index = sectionOrder.indexOf(sectionId);
        const next = index >= 0 ? (sectionOrder[index + 1] ?? null) : null;
        const range = revealPassage(pane, highlight.anchor, next);
        if (!range) return null;
        range.collapse(true);
        revealsRef.current += 1;
        setPopover({
          highlightId,
          at: range,
          focusComment: false,
          returnFocus,
          reveal: revealsRef.current,
        });
        return sectionId;
      },
    }),
    [documentRef, highlights, sectionOrder],
  );

  const returnFocus = popover?.returnFocus ?? null;
  const closePopover = useCallback(
    (restoreFocus: boolean) => {
      setPopover(null);
      if (!restoreFocus) return;
      if (returnFocus?.isConnected) returnFocus.focus();
      else focusDocument();
    },
    [focusDocument, returnFocus],
  );

  const deleteOpen = useCallback(() => {
    if (!open) return;
    setPopover(null);
    focusDocument();
    void remove(open.id);
  }, [focusDocument, open, remove]);

  const showToolbar = selection !== null && open === null && selectionBox !== null;

  return (
    <>
      {showToolbar && (
        <SelectionToolbar
          toolbarRef={toolbarRef}
          paneRef={documentRef}
          anchor={selectionBox}
          lastRole={lastRole}
          onHighlight={(role) => void highlightSelection(role, false)}
          onComment={() => void highlightSelection(lastRole, true)}
          onDismiss={() => {
            dismiss();
            focusDocument();
          }}
        />
      )}
      {open && popover && popoverBox && (
        <HighlightPopover
          key={`${open.id}:${popover.reveal ?? 0}`}
          highlight={open}
          quote={groupQuote(openParts, sectionOrder)}
          paneRef={documentRef}
          anchor={popoverBox}
          focusComment={popover.focusComment}
          onRole={(role) => {
            chooseRole(role);
            void update(open.id, { role });
          }}
          onSaveComment={(comment) => update(open.id, { comment })}
          onDelete={deleteOpen}
          onQuoteIntoNote={
            onQuoteIntoNote ? (comment) => onQuoteIntoNote({ ...open, comment }) : undefined
          }
          onClose={closePopover}
        />
      )}
      <div className="hl-toast-region" role="status">
        {lastDeleted && (
          <UndoToast
            key={lastDeleted[0]?.id}
            message={
              lastDeleted.length > 1 ? 'Highlight deleted (all its parts)' : 'Highlight deleted'
            }
            onUndo={() => void undo()}
            onExpire={forgetDeleted}
          />
        )}
      </div>
      {store.failure && (
        <div className="hl-alert">
          <Alert title={store.failure.title} onDismiss={store.dismissFailure}>
            <p>{store.failure.message}</p>
            {store.failure.retry && (
              <p>
                <button
                  type="button"
                  className="button"
                  onClick={() => void store.failure?.retry?.()}
                >
                  Try again
                </button>
              </p>
            )}
          </Alert>
        </div>
      )}
    </>
  );
}
