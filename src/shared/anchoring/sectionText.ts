import type { Section } from '../model';
import { sectionTextLayout } from './sectionTextLayout';

/** A section's text without its heading: see `sectionTextLayout` for how it is made. */
export function sectionPlainText(section: Pick<Section, 'blocks'>): string {
  return sectionTextLayout(section).text;
}
