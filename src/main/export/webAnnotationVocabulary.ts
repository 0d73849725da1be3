/**
 * The names a Briefmark sidecar uses: the W3C Web Annotation context, and Briefmark's own
 * terms under the `briefmark:` prefix for what the model has no word for (a highlight's role
 * id, the brief's source file, a note as TipTap JSON). The writer and the reader share them,
 * so a file the export writes is always one the import reads.
 */

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Where the `briefmark:` prefix points; a URN, so nothing is ever fetched from it. */
export const BRIEFMARK_NAMESPACE = 'urn:briefmark:ns:';

/** Bumped only if a later sidecar could not be read the way this one is. */
export const SIDECAR_VERSION = 1;

/** The extension context: the prefix, and the TipTap note kept as a JSON literal. */
export const BRIEFMARK_CONTEXT = {
  '@version': 1.1,
  briefmark: BRIEFMARK_NAMESPACE,
  'briefmark:noteDoc': { '@type': '@json' },
} as const;

/** Briefmark's terms; each is a compact IRI under BRIEFMARK_NAMESPACE. */
export const BM = {
  sidecarVersion: 'briefmark:sidecarVersion',
  briefId: 'briefmark:briefId',
  title: 'briefmark:title',
  format: 'briefmark:format',
  sourceFileName: 'briefmark:sourceFileName',
  sourceSha256: 'briefmark:sourceSha256',
  role: 'briefmark:role',
  groupId: 'briefmark:groupId',
  status: 'briefmark:status',
  textHash: 'briefmark:textHash',
  sectionId: 'briefmark:sectionId',
  sectionHeading: 'briefmark:sectionHeading',
  sectionPath: 'briefmark:sectionPath',
  /** An orphan's offsets in the text it was last found in (no longer a valid position). */
  previousStart: 'briefmark:previousStart',
  previousEnd: 'briefmark:previousEnd',
  noteDoc: 'briefmark:noteDoc',
} as const;

/** The file written beside `<stem>.md`. */
export const SIDECAR_SUFFIX = '.annotations.json';

/** `Key Takeaways.md` → `Key Takeaways.annotations.json`. */
export function sidecarFileName(markdownFileName: string): string {
  const stem = markdownFileName.replace(/\.md$/i, '');
  return `${stem}${SIDECAR_SUFFIX}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OTHER_HIGHLIGHT_PREFIX = 'urn:briefmark:highlight:';

/** A highlight's annotation IRI: `urn:uuid:` + its id (ids Briefmark makes are UUIDs). */
export function highlightIri(highlightId: string): string {
  return UUID.test(highlightId)
    ? `urn:uuid:${highlightId}`
    : `${OTHER_HIGHLIGHT_PREFIX}${encodeURIComponent(highlightId)}`;
}

/** The highlight id an annotation IRI names, or null when it names none. */
export function highlightIdOf(iri: string): string | null {
  if (iri.startsWith('urn:uuid:')) {
    const id = iri.slice('urn:uuid:'.length);
    return UUID.test(id) ? id : null;
  }
  if (iri.startsWith(OTHER_HIGHLIGHT_PREFIX)) {
    try {
      const id = decodeURIComponent(iri.slice(OTHER_HIGHLIGHT_PREFIX.length));
      return id === '' ? null : id;
    } catch {
      return null;
    }
  }
  return null;
}

/** `briefmark://brief/<id>`, each id percent-encoded as one path segment. */
export function briefIri(briefId: string): string {
  return `briefmark://brief/${segment(briefId)}`;
}

/** `briefmark://brief/<id>/section/<sectionId>`: what highlights and notes target. */
export function sectionIri(briefId: string, sectionId: string): string {
  return `${briefIri(briefId)}/section/${segment(sectionId)}`;
}

// As briefmarkLink writes its ids, so the sidecar and the Markdown name sections alike.
function segment(id: string): string {
  return encodeURIComponent(id).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
