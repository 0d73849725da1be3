import type { Block } from '../../../shared/model';
import { inlinePlainText } from './inlinePlainText';

// Hebrew, Arabic (with its supplements and presentation forms), Syriac, Thaana and N'Ko.
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

function isMostlyRtl(text: string): boolean {
  if (!RTL_LETTER.test(text)) return false;
  const rtl = text.match(
    /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/gu,
  );
  const ltr = text.match(/[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Thai}]/gu);
  return (rtl?.length ?? 0) > (ltr?.length ?? 0);
}

/** Marks paragraphs (also inside lists and quotes) whose letters are mostly Arabic or Hebrew as rtl. */
export function applyTextDirection(blocks: Block[]): void {
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      if (isMostlyRtl(inlinePlainText(block.content))) block.dir = 'rtl';
    } else if (block.type === 'list') {
      for (const item of block.items) applyTextDirection(item.blocks);
    } else if (block.type === 'quote') {
      applyTextDirection(block.blocks);
    }
  }
}
