/**
 * The address that opens a highlight in Briefmark:
 * `briefmark://brief/<briefId>/section/<sectionId>#h-<highlightId>`. Each id is
 * percent-encoded, so any id stays one path segment and the link one Markdown destination.
 */
export function briefmarkHighlightLink(
  briefId: string,
  sectionId: string,
  highlightId: string,
): string {
  return `briefmark://brief/${segment(briefId)}/section/${segment(sectionId)}#h-${segment(highlightId)}`;
}

// encodeURIComponent leaves !'()* as they are; parentheses would unbalance a Markdown link.
function segment(id: string): string {
  return encodeURIComponent(id).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
