import type { Section } from '../../../../shared/model';

/** What a section is called in the outline and the notes panel, also when it has no heading. */
export function sectionLabel(section: Section, sections: readonly Section[]): string {
  const heading = section.heading.trim();
  if (heading) return heading;
  return sections[0]?.id === section.id ? 'Opening text' : 'Untitled section';
}
