import { FoldedTextBuilder } from './FoldedTextBuilder';

/** A query folded the way document text is (see FoldedTextBuilder), ready to look up. */
export function foldForSearch(text: string): string {
  const builder = new FoldedTextBuilder();
  builder.append(text, 0);
  return builder.build().text;
}
