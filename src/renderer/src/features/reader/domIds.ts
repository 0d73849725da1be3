// Element ids are prefixed so ids derived from imported text cannot clash with the app's own.

/** The id of a section's element in the reader, used for jumping. */
export function sectionDomId(sectionId: string): string {
  return `section-${sectionId}`;
}

/** The id of a section's heading element, which receives focus after a jump. */
export function sectionHeadingDomId(sectionId: string): string {
  return `section-heading-${sectionId}`;
}

/** The id of a footnote's element. */
export function footnoteDomId(footnoteId: string): string {
  return `fn-${footnoteId}`;
}

/** The id of the (first) reference to a footnote in the text. */
export function footnoteRefDomId(footnoteId: string): string {
  return `fnref-${footnoteId}`;
}
