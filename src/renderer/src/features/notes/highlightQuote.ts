import type { NoteDoc } from '../../../../shared/model';

export interface HighlightQuoteSource {
  /** The highlighted text. */
  quote: string;
  /** The highlight's colour role as the user names it. */
  roleLabel: string;
  /** The briefmark: link back to the highlight; null shows the role without a link. */
  href: string | null;
  comment: string;
}

/** Text as paragraphs: a blank line starts a new one, a single line break stays a line break. */
function paragraphs(text: string): NoteDoc[] {
  return text
    .trim()
    .split(/\n[ \t]*\n\s*/)
    .map((block) => {
      const content: NoteDoc[] = [];
      block.split('\n').forEach((line, index) => {
        if (index > 0) content.push({ type: 'hardBreak' });
        if (line) content.push({ type: 'text', text: line });
      });
      return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
    });
}

/**
 * What "Quote into note" adds: the passage as a block quote ending with "— <role>", linked back
 * to the highlight, then the highlight's comment as the note's own words.
 */
export function highlightQuoteBlocks(source: HighlightQuoteSource): NoteDoc[] {
  const role: NoteDoc = source.href
    ? {
        type: 'text',
        text: source.roleLabel,
        marks: [{ type: 'link', attrs: { href: source.href } }],
      }
    : { type: 'text', text: source.roleLabel };
  const attribution: NoteDoc = {
    type: 'paragraph',
    content: [{ type: 'text', text: '— ' }, role],
  };
  const blocks: NoteDoc[] = [
    { type: 'blockquote', content: [...paragraphs(source.quote), attribution] },
  ];
  if (source.comment.trim()) blocks.push(...paragraphs(source.comment));
  return blocks;
}

/** True for a paragraph with nothing in it: the editor's empty note and its trailing line. */
export function isEmptyParagraph(node: NoteDoc | undefined): boolean {
  return node?.type === 'paragraph' && (node.content?.length ?? 0) === 0;
}

/** A note with blocks added at its end, in place of the empty lines it ended with. */
export function withBlocksAppended(doc: NoteDoc | undefined, blocks: readonly NoteDoc[]): NoteDoc {
  const content = [...(doc?.content ?? [])];
  while (isEmptyParagraph(content.at(-1))) content.pop();
  return { ...(doc ?? {}), type: 'doc', content: [...content, ...blocks] };
}
