import type { Block, Section } from '../../../shared/model';
import { sectionSlug } from './sectionSlug';

/** A section before ids and paths are assigned; `level` may skip (it is clamped under its parent). */
export interface SectionDraft {
  heading: string;
  level: number;
  blocks: Block[];
}

/**
 * Turns drafts in reading order into sections with unique slug ids (suffix -2, -3 on repeats),
 * ordinal paths ("3", "3.2") and parent ids. A draft's parent is the nearest earlier draft
 * with a lower level; levels are made contiguous (a level-3 draft under a level-1 one becomes 2).
 */
export function buildSections(drafts: readonly SectionDraft[]): Section[] {
  const used = new Set<string>();
  // The next suffix to try per slug, so a heading repeated thousands of times stays linear.
  const nextSuffix = new Map<string, number>();
  const uniqueId = (heading: string): string => {
    const base = sectionSlug(heading);
    let n = nextSuffix.get(base) ?? 1;
    let id = n === 1 ? base : `${base}-${n}`;
    while (used.has(id)) id = `${base}-${++n}`;
    nextSuffix.set(base, n + 1);
    used.add(id);
    return id;
  };

  const sections: Section[] = [];
  // stack[i] is the open section at level i + 1 together with its source level and child count.
  const stack: { section: Section; sourceLevel: number; children: number }[] = [];
  let topCount = 0;
  for (const draft of drafts) {
    while (stack.length > 0 && (stack[stack.length - 1]?.sourceLevel ?? 0) >= draft.level) {
      stack.pop();
    }
    const parent = stack[stack.length - 1];
    let path: string;
    if (parent) {
      parent.children += 1;
      path = `${parent.section.path}.${parent.children}`;
    } else {
      topCount += 1;
      path = String(topCount);
    }
    const section: Section = {
      id: uniqueId(draft.heading),
      level: stack.length + 1,
      heading: draft.heading,
      path,
      parentId: parent ? parent.section.id : null,
      blocks: draft.blocks,
    };
    sections.push(section);
    stack.push({ section, sourceLevel: draft.level, children: 0 });
  }
  return sections;
}
