import { MarkdownManager } from '@tiptap/markdown';
import type { NoteDoc } from '../../shared/model';
import { createNoteExtensions } from '../../shared/notes/noteExtensions';
import { resolveSentinels } from './noteMarkdownSentinels';
import { noteHasText, prepareNoteForMarkdown } from './prepareNoteForMarkdown';

let manager: MarkdownManager | undefined;

// Built on first use: building the schema costs a few milliseconds the app need not pay at start.
function markdownManager(): MarkdownManager {
  manager ??= new MarkdownManager({ extensions: createNoteExtensions() });
  return manager;
}

/**
 * A note as Markdown blocks, with its headings placed below `headingLevel`
 * (the level of the heading the note is exported under). `null` when the note has no text.
 */
export function noteToMarkdown(doc: NoteDoc, headingLevel: number): string | null {
  if (!noteHasText(doc)) return null;
  const serialized = markdownManager().serialize(prepareNoteForMarkdown(doc, headingLevel));
  const markdown = resolveSentinels(serialized)
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
  return markdown === '' ? null : markdown;
}
