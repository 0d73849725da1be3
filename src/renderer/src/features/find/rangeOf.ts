/** A live Range over a static one, for geometry (StaticRange has no getBoundingClientRect). */
export function rangeOf(span: AbstractRange): Range {
  const range = document.createRange();
  range.setStart(span.startContainer, span.startOffset);
  range.setEnd(span.endContainer, span.endOffset);
  return range;
}
