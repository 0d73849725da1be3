/** Only these schemes may leave the app; the importer should already have nulled anything else. */
export function isOpenableHref(href: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(href.trim());
}
