import type { JSONContent } from '@tiptap/core';
import type { NoteDoc } from '../../../../shared/model';

/** The editor's JSON as the model's NoteDoc: `getJSON()` on a document always has a type. */
export function noteDocFrom(json: JSONContent): NoteDoc {
  return { ...json, type: json.type ?? 'doc' } as NoteDoc;
}
