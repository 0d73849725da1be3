import type { MouseEvent, ReactNode } from 'react';
import { openExternalLink } from '../../api/openExternalLink';

interface ExternalLinkProps {
  href: string;
  children: ReactNode;
}

/** A link out of the app: opens in the system browser, and only after the user agrees. */
export function ExternalLink({ href, children }: ExternalLinkProps) {
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    openExternalLink(href);
  };
  // A middle click is no click event: left to the browser, it would open a tab without asking.
  const openFromAuxClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    if (event.button === 1) openExternalLink(href);
  };
  return (
    <a
      href={href}
      rel="noreferrer noopener"
      target="_blank"
      title={href}
      onClick={open}
      onAuxClick={openFromAuxClick}
    >
      {children}
    </a>
  );
}
