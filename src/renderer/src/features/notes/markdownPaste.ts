import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { escapeMarkdownHtml } from './escapeMarkdownHtml';
import { withoutUnsafeLinks } from '../../../../shared/notes/withoutUnsafeLinks';

// Block syntax at a line start, or inline emphasis, code or links anywhere.
const MARKDOWN_HINT =
  /^(#{1,6}\s|\s*[-*+]\s|\s*\d+[.)]\s|>\s|\s*[-*]\s\[[ xX]\]\s|```)|\*\*[^*\n]+\*\*|__[^_\n]+__|`[^`\n]+`|\[[^\]\n]+\]\([^)\n]+\)/m;

/** True when plain text pasted into a note reads as Markdown rather than prose. */
export function looksLikeMarkdown(text: string): boolean {
  return MARKDOWN_HINT.test(text);
}

/**
 * Pasting plain text that looks like Markdown inserts it as formatted content (HTML in it stays
 * text, links go only to addresses a note may hold). Rich (HTML) clipboard content is left to
 * ProseMirror, which keeps only what the note schema allows.
 */
export const MarkdownPaste = Extension.create({
  name: 'markdownPaste',

  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin({
        key: new PluginKey('markdownPaste'),
        props: {
          handlePaste: (_view, event) => {
            const clipboard = event.clipboardData;
            if (!clipboard || clipboard.types.includes('text/html')) return false;
            const text = clipboard.getData('text/plain');
            if (!text || !looksLikeMarkdown(text) || !editor.markdown) return false;
            try {
              const content = editor.markdown.parse(escapeMarkdownHtml(text));
              return editor.commands.insertContent(withoutUnsafeLinks(content));
            } catch {
              // Markdown the note cannot hold as parsed (an image alone on its line leaves its
              // alt text outside any paragraph) goes in as the plain text it is.
              return false;
            }
          },
        },
      }),
    ];
  },
});
