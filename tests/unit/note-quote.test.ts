import { describe, expect, it } from 'vitest';
import {
  highlightQuoteBlocks,
  withBlocksAppended,
} from '../../src/renderer/src/features/notes/highlightQuote';
import { noteHasContent } from '../../src/renderer/src/features/notes/noteHasContent';
import type { NoteDoc } from '../../src/shared/model';

const HREF =
  'briefmark://brief/3f1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2c/section/decisions#h-a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d';

const paragraph = (text?: string): NoteDoc =>
  text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' };

describe('quoting a highlight into a note', () => {
  it('adds the passage as a block quote signed with its linked role, then the comment', () => {
    const blocks = highlightQuoteBlocks({
      quote: 'Allies agreed.\n\nA second part.',
      roleLabel: 'Key point',
      href: HREF,
      comment: 'Check the figures.',
    });
    expect(blocks).toEqual([
      {
        type: 'blockquote',
        content: [
          paragraph('Allies agreed.'),
          paragraph('A second part.'),
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: '— ' },
              { type: 'text', text: 'Key point', marks: [{ type: 'link', attrs: { href: HREF } }] },
            ],
          },
        ],
      },
      paragraph('Check the figures.'),
    ]);
  });

  it('keeps single line breaks, and adds nothing for a blank comment', () => {
    const blocks = highlightQuoteBlocks({
      quote: 'line one\nline two',
      roleLabel: 'Evidence',
      href: null,
      comment: '  ',
    });
    expect(blocks).toHaveLength(1);
    expect(blocks[0]?.content?.[0]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'line one' },
        { type: 'hardBreak' },
        { type: 'text', text: 'line two' },
      ],
    });
    expect(blocks[0]?.content?.[1]?.content?.[1]).toEqual({ type: 'text', text: 'Evidence' });
  });

  it('goes after what the note says, in place of its trailing empty lines', () => {
    const quote = { type: 'blockquote', content: [paragraph('q')] };
    const note: NoteDoc = { type: 'doc', content: [paragraph('Mine'), paragraph(), paragraph()] };
    expect(withBlocksAppended(note, [quote]).content).toEqual([paragraph('Mine'), quote]);
    expect(withBlocksAppended(undefined, [quote])).toEqual({ type: 'doc', content: [quote] });
  });
});

describe('which notes count as written', () => {
  it('counts text and dividers, not empty lines or empty list items', () => {
    expect(noteHasContent(undefined)).toBe(false);
    expect(noteHasContent({ type: 'doc', content: [paragraph(), paragraph()] })).toBe(false);
    expect(
      noteHasContent({
        type: 'doc',
        content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [paragraph()] }] }],
      }),
    ).toBe(false);
    expect(noteHasContent({ type: 'doc', content: [paragraph(' \n ')] })).toBe(false);
    expect(noteHasContent({ type: 'doc', content: [paragraph('x')] })).toBe(true);
    expect(noteHasContent({ type: 'doc', content: [{ type: 'horizontalRule' }] })).toBe(true);
  });
});
