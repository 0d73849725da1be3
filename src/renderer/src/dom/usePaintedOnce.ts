import { useEffect, useState } from 'react';
import { afterNextPaint } from './afterNextPaint';

/**
 * False in the first frame a component is shown, true from the next: lets costly parts that
 * the reader does not need first (a rich-text editor) wait until the brief itself is painted.
 */
export function usePaintedOnce(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => afterNextPaint(() => setPainted(true)), []);
  return painted;
}
