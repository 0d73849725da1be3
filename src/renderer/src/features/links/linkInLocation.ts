// `open=<percent-encoded briefmark:// link>` in the page's fragment, alone or after the token.
const OPEN_PARAM = /(?:^|&)open=([^&]*)/;

/**
 * The link web mode was asked to open by its address (`…/#open=<link>`, or
 * `…/#token=…&open=<link>` on a first visit), decoded but not yet checked: the caller accepts
 * only a strict highlight link. Null when the address asks for none; '' when it cannot be
 * decoded.
 */
export function linkInLocation(): string | null {
  const match = OPEN_PARAM.exec(window.location.hash.slice(1));
  if (!match) return null;
  try {
    return decodeURIComponent(match[1] ?? '');
  } catch {
    return '';
  }
}

/** Takes the link out of the address, so that a reload does not open it again. */
export function forgetLinkInLocation(): void {
  const rest = window.location.hash
    .slice(1)
    .split('&')
    .filter((part) => part !== '' && !part.startsWith('open='))
    .join('&');
  history.replaceState(
    history.state,
    '',
    window.location.pathname + window.location.search + (rest ? `#${rest}` : ''),
  );
}
