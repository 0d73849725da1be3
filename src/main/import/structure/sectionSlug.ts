// Latin letters NFKD does not decompose, spelled the way a URL slug usually spells them.
const LATIN_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};

const MAX_SLUG = 60;

/** A lowercase slug of a heading: ASCII for Latin text, other scripts' letters kept, at most 60 chars. */
export function sectionSlug(heading: string): string {
  let slug = heading
    .toLowerCase()
    .normalize('NFKD')
    // Accents are dropped from Latin letters only; marks are part of the letters in other scripts.
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .replace(/[ßæœøđðłþı]/g, (c) => LATIN_FOLDS[c] ?? c)
    .replace(/['’ʼ`]/g, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > MAX_SLUG) {
    const cut = slug.slice(0, MAX_SLUG + 1);
    const lastDash = cut.lastIndexOf('-');
    slug = (lastDash > MAX_SLUG / 2 ? cut.slice(0, lastDash) : cut.slice(0, MAX_SLUG)).replace(
      /-+$/,
      '',
    );
  }
  return slug || 'section';
}
