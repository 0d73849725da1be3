import { parseBriefmarkHref, type BriefmarkHighlightLink } from '../../../../shared/briefmarkLink';
import { openExternalLink } from '../../api/openExternalLink';
import { isOpenableHref } from '../reader/isOpenableHref';

/** Shows a highlight a note links to; `from` gets the keyboard back when its popover closes. */
export type OpenHighlightLink = (link: BriefmarkHighlightLink, from: HTMLElement) => void;

/**
 * Follows a link in a note: a link back to a highlight opens it in the reader; a web or e-mail
 * address goes to the system browser once the user agrees; anything else goes nowhere.
 */
export function followNoteLink(
  href: string,
  openHighlight: OpenHighlightLink,
  from: HTMLElement,
): void {
  const link = parseBriefmarkHref(href);
  if (link) openHighlight(link, from);
  else if (isOpenableHref(href)) openExternalLink(href);
}
