/** What tells two briefs apart as documents: their title and the publisher's reference. */
export interface EditionSignature {
  title: string;
  reference: string | null;
}

/** Letters and digits only, lower-cased: "128 SPE 24 E" and "128-spe-24-e" are one reference. */
function compact(value: string): string {
  return value
    .normalize('NFKC')
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Shorter than this, a title or reference ("Brief", "Note") says nothing about the document. */
const MIN_DISTINCT_LENGTH = 6;

/**
 * Whether a newly imported brief looks like another edition of one in the library: the same
 * publisher's reference (a revision suffix such as "rev.1" allowed), or the same title.
 */
export function isEditionCandidate(brief: EditionSignature, other: EditionSignature): boolean {
  const title = compact(brief.title);
  if (title.length >= MIN_DISTINCT_LENGTH && title === compact(other.title)) return true;
  if (brief.reference === null || other.reference === null) return false;
  const [shorter, longer] = [compact(brief.reference), compact(other.reference)].sort(
    (a, b) => a.length - b.length,
  );
  if (shorter === undefined || longer === undefined || shorter.length < MIN_DISTINCT_LENGTH) {
    return false;
  }
  return (
    longer === shorter ||
    (longer.startsWith(shorter) && /^rev|^r\d|^v\d|^corr/u.test(longer.slice(shorter.length)))
  );
}
