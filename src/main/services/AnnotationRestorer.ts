import type { Database } from 'better-sqlite3';
import type { AnnotationRestore } from '../../shared/api';
import { createTextAnchor } from '../../shared/anchoring/createTextAnchor';
import { reanchorAll, type AnchorResult } from '../../shared/anchoring/reanchor';
import type { Highlight } from '../../shared/highlights';
import type { NoteDoc } from '../../shared/model';
import type { BriefRepository } from '../db/repositories/BriefRepository';
import { EditionRepository } from '../db/repositories/EditionRepository';
import { HighlightRepository } from '../db/repositories/HighlightRepository';
import { NoteRepository } from '../db/repositories/NoteRepository';
import { appendNote, isEmptyNote } from '../editions/appendNote';
import {
  readWebAnnotationSidecar,
  type ParsedSidecar,
  type SidecarHighlight,
} from '../export/readWebAnnotationSidecar';
import { sidecarNoteDoc } from '../export/sidecarNoteDoc';
import { ServiceError } from './ServiceError';

/** The brief a sidecar belongs to, and where its sections went in later editions. */
interface RestoreTarget {
  briefId: string;
  title: string;
  /** Section ids of the exported brief → the same sections in the target; absent if gone. */
  sectionFor: (sectionId: string) => string | undefined;
}

/**
 * Puts the highlights and notes of a sidecar (see webAnnotationSidecar) back into the brief it
 * was exported from, found by the SHA-256 of its source file, or into the newest edition that
 * replaced that brief. Nothing the brief has is replaced: a highlight whose id is there already
 * is left alone, and a note different from the section's own is added below it. All in one
 * transaction, so a failed restore changes nothing, and restoring twice adds nothing the
 * second time.
 */
export class AnnotationRestorer {
  private readonly highlights: HighlightRepository;
  private readonly notes: NoteRepository;
  private readonly editions: EditionRepository;

  constructor(
    private readonly db: Database,
    private readonly briefs: BriefRepository,
    private readonly now: () => Date,
  ) {
    this.highlights = new HighlightRepository(db);
    this.notes = new NoteRepository(db);
    this.editions = new EditionRepository(db);
  }

  restore(fileName: string, bytes: Uint8Array): AnnotationRestore {
    const sidecar = readWebAnnotationSidecar(fileName, bytes);
    return this.db.transaction(() => this.restoreNow(fileName, sidecar)).immediate();
  }

  private restoreNow(fileName: string, sidecar: ParsedSidecar): AnnotationRestore {
    const target = this.targetOf(fileName, sidecar);
    const { briefId } = target;
    const result: AnnotationRestore = {
      briefId,
      title: target.title,
      highlightsRestored: 0,
      highlightsNotFound: 0,
      highlightsAlreadyThere: 0,
      notesRestored: 0,
      notesMerged: 0,
    };

    // Deleted highlights count as there: the user removed them, a restore does not undo that.
    const fresh = sidecar.highlights.filter(
      (highlight) =>
        this.highlights.get(highlight.id) === null &&
        this.highlights.get(highlight.id, true) === null,
    );
    result.highlightsAlreadyThere = sidecar.highlights.length - fresh.length;
    const sections = this.briefs.sectionTexts(briefId);
    const textOf = new Map(sections.map((section) => [section.id, section.text]));
    const found = reanchorAll(
      fresh.map((highlight) => ({
        ...highlight.anchor,
        // A section no later edition has: looked for across the whole brief (no section has '').
        sectionId: target.sectionFor(highlight.anchor.sectionId) ?? '',
      })),
      sections,
    );
    fresh.forEach((highlight, index) => {
      const anchoring = rebuilt(found[index]!, textOf);
      const orphaned = anchoring.status === 'orphaned';
      const anchor = orphaned ? highlight.anchor : anchoring.anchor;
      this.highlights.insert(restoredHighlight(highlight, briefId, anchor, anchoring));
      result.highlightsRestored += 1;
      if (orphaned) result.highlightsNotFound += 1;
    });

    const at = this.now().toISOString();
    const current = new Map(
      this.notes.listForBrief(briefId).map((note) => [note.sectionId, note.doc]),
    );
    for (const note of sidecar.notes) {
      const doc = sidecarNoteDoc(note.doc, note.markdown);
      if (doc === null) continue;
      const mapped = note.sectionId === null ? null : target.sectionFor(note.sectionId);
      // A note whose section is gone joins the brief note under a heading naming the section,
      // as carrying an edition over does.
      const sectionId = mapped === undefined ? null : mapped;
      const heading =
        mapped === undefined
          ? `From “${note.sectionHeading ?? note.sectionId}” (not in this edition)`
          : undefined;
      const existing = current.get(sectionId);
      if (existing !== undefined && holds(existing, doc)) continue;
      const merged = appendNote(existing, doc, heading);
      const wasEmpty = existing === undefined || isEmptyNote(existing);
      current.set(sectionId, merged);
      this.notes.save(briefId, sectionId, merged, at);
      if (wasEmpty) result.notesRestored += 1;
      else result.notesMerged += 1;
    }
    return result;
  }

  /** The brief the sidecar was exported from, or the newest edition that replaced it. */
  private targetOf(fileName: string, sidecar: ParsedSidecar): RestoreTarget {
    const { source } = sidecar;
    let briefId = this.briefs.findIdByContentHash(source.sha256);
    if (briefId === undefined) {
      throw new ServiceError(
        'not_found',
        `The annotations in “${fileName}” belong to “${source.title}”, which is not in the library. Import “${source.fileName}” first, or together with “${fileName}”.`,
      );
    }
    // Section ids carried from edition to edition; a section with no match in one is gone.
    let carried = new Map<string, string>(
      this.briefs.sectionTexts(briefId).map((section) => [section.id, section.id]),
    );
    for (let newer = this.briefs.newerEditionOf(briefId); newer !== undefined;) {
      const step = new Map(
        this.editions
          .lineage(newer)
          .flatMap((match) =>
            match.previousSectionId === null ? [] : [[match.previousSectionId, match.sectionId]],
          ),
      );
      carried = new Map(
        [...carried].flatMap(([original, now]): [string, string][] => {
          const next = step.get(now);
          return next === undefined ? [] : [[original, next]];
        }),
      );
      briefId = newer;
      newer = this.briefs.newerEditionOf(newer);
    }
    const identity = this.briefs.identity(briefId);
    return {
      briefId,
      title: identity?.title ?? source.title,
      sectionFor: (sectionId) => carried.get(sectionId),
    };
  }
}

/**
 * Where a highlight was found, with its anchor rebuilt from the brief's own text rather than
 * taken from the file as given; a place that cannot make an anchor (a quote that would split
 * a character) counts as not found.
 */
function rebuilt(found: AnchorResult, textOf: ReadonlyMap<string, string>): AnchorResult {
  if (found.status === 'orphaned') return found;
  const { sectionId, start, end, textHash } = found.anchor;
  const text = textOf.get(sectionId);
  try {
    if (text === undefined) throw new Error(`No section ${sectionId}`);
    return { ...found, anchor: createTextAnchor(sectionId, text, start, end, textHash) };
  } catch {
    return { status: 'orphaned', score: 0, anchor: found.anchor };
  }
}

function restoredHighlight(
  highlight: SidecarHighlight,
  briefId: string,
  anchor: Highlight['anchor'],
  anchoring: { status: Highlight['status']; score: number },
): Highlight {
  return {
    id: highlight.id,
    briefId,
    anchor,
    role: highlight.role,
    comment: highlight.comment,
    status: anchoring.status,
    score: anchoring.score,
    groupId: highlight.groupId,
    createdAt: highlight.createdAt,
    updatedAt: highlight.updatedAt,
  };
}

/**
 * True when the note already holds the restored one: the same document, or its blocks in a
 * row somewhere in it (as an earlier restore or edition carry-over appended them).
 */
function holds(note: NoteDoc, restored: NoteDoc): boolean {
  const blocks = (note.content ?? []).map(canonical);
  const wanted = (restored.content ?? []).map(canonical);
  if (wanted.length === 0) return true;
  for (let at = 0; at + wanted.length <= blocks.length; at += 1) {
    if (wanted.every((block, offset) => blocks[at + offset] === block)) return true;
  }
  return false;
}

// JSON with keys in a fixed order, so documents equal in content compare equal as text.
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : inner,
  );
}
