import { useCallback, useEffect, useRef, useState } from 'react';
import type { LinkDestination } from '../../../../shared/api';
import { parseBriefmarkHref, type BriefmarkHighlightLink } from '../../../../shared/briefmarkLink';
import { api } from '../../api/api';
import { onDesktopOpenLink } from '../../api/onDesktopOpenLink';
import { forgetLinkInLocation, linkInLocation } from './linkInLocation';

/**
 * Where a followed link leads, for the reader of that brief to show once; `seq` tells two
 * requests for the same place apart.
 */
export interface LinkReveal extends LinkDestination {
  seq: number;
}

/** What to tell the user about a link: why it could not be opened, or what it did not find. */
export interface LinkMessage {
  title: string;
  text: string;
}

export interface BriefmarkLinks {
  /** The latest link followed, until the reader of its brief has revealed it. */
  reveal: LinkReveal | null;
  /** The reader showed this request: it is not shown again when the brief is next opened. */
  revealed: (seq: number) => void;
  message: LinkMessage | null;
  dismissMessage: () => void;
  /** Follows a highlight link; resolves to whether a brief is being opened for it. */
  open: (link: BriefmarkHighlightLink) => Promise<boolean>;
  /** Follows an address given as text; anything but a strict highlight link is refused. */
  openHref: (href: string) => Promise<boolean>;
  /** Follows the link in the page's address (web mode), if any, and takes it out. */
  openFromLocation: () => Promise<boolean>;
}

const NOT_A_LINK =
  'Briefmark opens only links to a highlight, written as briefmark://brief/…/section/…#h-…, and this address is not one.';

/**
 * The app's one way to follow a `briefmark://` link, wherever it comes from: a note's link to
 * another brief, the desktop app opened by a click in another program, or web mode's address.
 * The library says where the link leads now; `showBrief` opens that brief and its reader
 * reveals the highlight (or the section, with a word on what was not found).
 */
export function useBriefmarkLinks(showBrief: (briefId: string) => void): BriefmarkLinks {
  const [reveal, setReveal] = useState<LinkReveal | null>(null);
  const [message, setMessage] = useState<LinkMessage | null>(null);
  const requests = useRef(0);

  const open = useCallback(
    async (link: BriefmarkHighlightLink) => {
      // Only the newest of two links followed in quick succession is shown.
      requests.current += 1;
      const seq = requests.current;
      const result = await api['links.resolve'](link);
      if (seq !== requests.current) return false;
      if (!result.ok) {
        setMessage({ title: 'This link could not be opened', text: result.error.message });
        return false;
      }
      const destination = result.value;
      setReveal({ ...destination, seq });
      setMessage(
        destination.note === null ? null : { title: 'Highlight not found', text: destination.note },
      );
      showBrief(destination.briefId);
      return true;
    },
    [showBrief],
  );

  const openHref = useCallback(
    (href: string) => {
      const link = parseBriefmarkHref(href);
      if (link) return open(link);
      setMessage({ title: 'This link could not be opened', text: NOT_A_LINK });
      return Promise.resolve(false);
    },
    [open],
  );

  const openFromLocation = useCallback(() => {
    const href = linkInLocation();
    if (href === null) return Promise.resolve(false);
    forgetLinkInLocation();
    return openHref(href);
  }, [openHref]);

  useEffect(() => onDesktopOpenLink((href) => void openHref(href)), [openHref]);

  // A link put in the address of the page already open (web mode) changes only its fragment.
  useEffect(() => {
    const onHashChange = () => void openFromLocation();
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [openFromLocation]);

  const revealed = useCallback(
    (seq: number) => setReveal((current) => (current?.seq === seq ? null : current)),
    [],
  );
  const dismissMessage = useCallback(() => setMessage(null), []);
  return { reveal, revealed, message, dismissMessage, open, openHref, openFromLocation };
}
