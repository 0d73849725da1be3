import type { ApiErrorCode, ApiMethod, ApiRequest } from '../../src/shared/api';
import type { BriefMeta } from '../../src/shared/model';
import { DEFAULT_READER_SETTINGS } from '../../src/shared/reader/readerSettings';
import { formattedNote, SAMPLE } from '../unit/helpers/annotatedLibrary';

/**
 * How a request's fields may vary, as paths like `doc.content.*.attrs`: `*` is one key or array
 * index, `**` any number of them. The fuzzer uses these to know which of its changes must be
 * refused and which may still be a valid request.
 */
export interface FieldRules {
  /** Fields that may be left out. */
  optional?: string[];
  /** Fields that may be null. */
  nullable?: string[];
  /** Records that take any short key with a plain value (a note node's attributes). */
  open?: string[];
  /** Ids: a well-formed id that names nothing must be answered `not_found`. */
  ids?: string[];
}

export interface RequestFixture<M extends ApiMethod> extends FieldRules {
  request: ApiRequest<M>;
  /** What sending the request may answer, given what earlier requests did; by default `ok`. */
  answers?: ('ok' | ApiErrorCode)[];
}

/** A valid request for every method; the type makes a method added to the API need one here. */
export type ValidRequests = { [M in ApiMethod]: RequestFixture<M> };

export interface ValidRequestContext {
  briefId: string;
  meta: BriefMeta;
  sampleBase64: string;
  sidecar: { fileName: string; base64: string };
  /** A highlight valid requests may change, delete and restore. */
  scratchHighlightId: string;
  /** A highlight nothing may change; links.resolve only reads it. */
  trackedHighlightId: string;
}

const noteNode = ['doc.**.attrs', 'doc.**.content', 'doc.**.marks', 'doc.**.text'];

export function validRequestsFor(context: ValidRequestContext): ValidRequests {
  const { briefId } = context;
  const briefIdOnly = { request: { briefId }, ids: ['briefId'] };
  return {
    'app.welcome': { request: {} },
    'briefs.list': { request: {} },
    'briefs.get': briefIdOnly,
    'briefs.markOpened': briefIdOnly,
    'briefs.updateMeta': {
      request: {
        briefId,
        meta: { ...context.meta, authors: ['A. Rapporteur'], tags: ['nato', 'defence'] },
      },
      nullable: [
        'meta.subtitle',
        'meta.organisation',
        'meta.reference',
        'meta.date',
        'meta.documentType',
        'meta.language',
      ],
      ids: ['briefId'],
    },
    // The sample again: answered with the brief already in the library.
    'briefs.import': {
      request: {
        fileName: 'sample-brief.txt',
        dataBase64: context.sampleBase64,
        importId: 'fuzz-import',
      },
      optional: ['importId'],
    },
    'imports.progress': { request: { importId: 'fuzz-import' } },
    'imports.cancel': { request: { importId: 'fuzz-import' } },
    'notes.list': briefIdOnly,
    // Another section than the tracked note's.
    'notes.save': {
      request: { briefId, sectionId: SAMPLE.decisions, doc: formattedNote('Fuzzed note') },
      optional: noteNode,
      nullable: ['sectionId'],
      open: ['doc.**.attrs'],
      ids: ['briefId', 'sectionId'],
    },
    'export.markdown': {
      request: { briefId, options: { includeAllSections: true, groupByRole: true } },
      optional: ['options', 'options.*'],
      ids: ['briefId'],
    },
    'export.options': { request: {} },
    'export.section': {
      request: { briefId, sectionId: SAMPLE.nsatu },
      nullable: ['sectionId'],
      ids: ['briefId', 'sectionId'],
    },
    'export.files': {
      request: { briefIds: [briefId], options: { sidecar: true, includeFullText: false } },
      optional: ['options', 'options.*'],
      nullable: ['briefIds'],
      ids: ['briefIds.*'],
    },
    // The sidecar of the sample as it was: restoring it again adds nothing.
    'annotations.restore': {
      request: { fileName: context.sidecar.fileName, dataBase64: context.sidecar.base64 },
    },
    'reading.position': briefIdOnly,
    'reading.savePosition': {
      request: { briefId, position: { sectionId: SAMPLE.plans, offset: 0.25 } },
      ids: ['briefId', 'position.sectionId'],
    },
    'highlights.list': briefIdOnly,
    'highlights.create': {
      request: {
        briefId,
        ranges: [{ sectionId: SAMPLE.financial, start: 0, end: 20 }],
        role: 'question',
        comment: 'Fuzzed highlight',
      },
      optional: ['comment'],
      ids: ['briefId', 'ranges.*.sectionId'],
    },
    'highlights.update': {
      request: { highlightId: context.scratchHighlightId, role: 'action', comment: 'Checked' },
      optional: ['role', 'comment'],
      ids: ['highlightId'],
      answers: ['ok', 'not_found'],
    },
    'highlights.delete': {
      request: { highlightId: context.scratchHighlightId },
      ids: ['highlightId'],
      answers: ['ok', 'not_found'],
    },
    'highlights.restore': {
      request: { highlightId: context.scratchHighlightId },
      ids: ['highlightId'],
      answers: ['ok', 'not_found'],
    },
    // Well-formed, and refused by the library: a brief is not a new edition of itself.
    'editions.adopt': {
      request: { briefId, previousBriefId: briefId },
      ids: ['briefId', 'previousBriefId'],
      answers: ['invalid_request'],
    },
    'editions.review': briefIdOnly,
    // The scratch highlight was never carried over from an earlier edition.
    'editions.markReviewed': {
      request: { highlightId: context.scratchHighlightId },
      ids: ['highlightId'],
      answers: ['not_found'],
    },
    'links.resolve': {
      request: { briefId, sectionId: SAMPLE.nsatu, highlightId: context.trackedHighlightId },
    },
    'settings.get': { request: {} },
    'settings.save': { request: { settings: DEFAULT_READER_SETTINGS } },
    'backups.list': { request: {} },
    'backups.create': { request: {} },
    // Named like a backup, and not one: a fuzzed restore must never replace the library.
    'backups.restore': {
      request: { fileName: 'library-2000-01-01T000000Z-manual.sqlite3' },
      ids: ['fileName'],
      answers: ['not_found'],
    },
  };
}
