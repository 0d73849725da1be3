import type { Block } from '../../../shared/model';
import type { SectionDraft } from './buildSections';

/** A converter's output in document order: a heading at some depth, or a body block. */
export type OutlineEvent =
  { kind: 'heading'; depth: number; text: string } | { kind: 'block'; block: Block };

/**
 * Nests headings into section drafts by their depth (levels made contiguous, so an h3 under an
 * h1 becomes level 2); blocks before the first heading go into `intro`, which comes first.
 */
export function draftSectionsFromEvents(
  intro: SectionDraft,
  events: Iterable<OutlineEvent>,
): SectionDraft[] {
  const drafts: SectionDraft[] = [intro];
  const depthStack: number[] = [];
  let current = intro;
  for (const event of events) {
    if (event.kind === 'block') {
      current.blocks.push(event.block);
      continue;
    }
    while (depthStack.length > 0 && (depthStack[depthStack.length - 1] ?? 0) >= event.depth) {
      depthStack.pop();
    }
    depthStack.push(event.depth);
    current = { heading: event.text, level: depthStack.length, blocks: [] };
    drafts.push(current);
  }
  return drafts;
}

/** Drops horizontal rules at the start and end of a section: they separated it, not its text. */
export function trimRules(blocks: Block[]): Block[] {
  let start = 0;
  let end = blocks.length;
  while (start < end && blocks[start]?.type === 'rule') start++;
  while (end > start && blocks[end - 1]?.type === 'rule') end--;
  return blocks.slice(start, end);
}
