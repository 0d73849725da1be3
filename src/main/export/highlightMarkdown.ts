import type { Highlight } from '../../shared/highlights';
import { briefmarkHighlightHref } from '../../shared/briefmarkLink';
import { escapeMarkdownText, joinHardBreaks, plainTextParagraphs } from './plainTextMarkdown';

export interface HighlightAttribution {
  briefId: string;
  /** What the user calls the highlight's role. */
  roleLabel: string;
  /** Without the `^`, e.g. `h-3f9a0b12`. */
  blockId: string;
  /** Named when the highlight is not under its own section's heading; else null. */
  sectionHeading: string | null;
}

/**
 * A highlight as Markdown blocks: the quote as one block quote whose last line names the role,
 * links back to the passage and carries the block id (where Obsidian looks for it, at the end
 * of the block's last line), then the comment as a paragraph of its own when there is one.
 */
export function highlightMarkdown(
  highlight: Highlight,
  attribution: HighlightAttribution,
): string[] {
  const quote = plainTextParagraphs(highlight.anchor.exact).map(joinHardBreaks);
  const link = briefmarkHighlightHref({
    briefId: attribution.briefId,
    sectionId: highlight.anchor.sectionId,
    highlightId: highlight.id,
  });
  const parts = [`**${escapeMarkdownText(oneLine(attribution.roleLabel))}**`];
  const heading = oneLine(attribution.sectionHeading ?? '');
  if (heading !== '') parts.push(`*${escapeMarkdownText(heading)}*`);
  // Ids the app makes always fit the link's strict form; one that does not gets no link.
  parts.push(
    link === null
      ? `^${attribution.blockId}`
      : `[open in Briefmark](${link}) ^${attribution.blockId}`,
  );
  const attributionLine = `— ${parts.join(' · ')}`;

  // The quote's last line ends with a hard break so the attribution sits on a line of its own.
  const body = quote.length > 0 ? `${quote.join('\n\n')}\\\n${attributionLine}` : attributionLine;
  const blocks = [quoted(body)];
  const comment = plainTextParagraphs(highlight.comment).flat();
  if (comment.length > 0) blocks.push(`Comment: ${joinHardBreaks(comment)}`);
  return blocks;
}

function quoted(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
