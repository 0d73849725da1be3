export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface FloatingPosition {
  top: number;
  left: number;
  /** Whether it sits above its anchor (the usual place) or had to go below it. */
  placement: 'above' | 'below';
  /** False when the anchor is scrolled out of the bounds altogether. */
  anchorVisible: boolean;
}

const MARGIN = 8;

/**
 * Where to put a floating bar of this size over an anchor (all in viewport pixels): just above
 * it and centred, else just below it, and always inside the bounds (the document pane), so it
 * never hides under the appbar or runs off the side of a narrow window.
 */
export function floatingPosition(
  anchor: Box,
  size: { width: number; height: number },
  bounds: Box,
  gap = 8,
): FloatingPosition {
  const minLeft = bounds.left + MARGIN;
  const maxLeft = Math.max(minLeft, bounds.right - MARGIN - size.width);
  const centre = (anchor.left + anchor.right) / 2;
  const left = Math.min(maxLeft, Math.max(minLeft, centre - size.width / 2));

  const minTop = bounds.top + MARGIN;
  const maxTop = Math.max(minTop, bounds.bottom - MARGIN - size.height);
  const above = anchor.top - gap - size.height;
  const below = anchor.bottom + gap;
  let top: number;
  let placement: FloatingPosition['placement'];
  if (above >= minTop) {
    top = Math.min(above, maxTop);
    placement = 'above';
  } else if (below <= maxTop) {
    top = below;
    placement = 'below';
  } else {
    // The anchor fills the pane (a long selection): stay at the pane's top edge.
    top = minTop;
    placement = 'above';
  }
  const anchorVisible =
    anchor.bottom > bounds.top &&
    anchor.top < bounds.bottom &&
    anchor.right > bounds.left &&
    anchor.left < bounds.right;
  return { top, left, placement, anchorVisible };
}
