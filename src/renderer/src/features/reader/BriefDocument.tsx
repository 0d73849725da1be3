import { memo } from 'react';
import type { Brief, Section } from '../../../../shared/model';
import { formatBriefDate } from '../../format/formatBriefDate';
import { BlockView } from './BlockView';
import { sectionDomId, sectionHeadingDomId } from './domIds';
import { textDirectionOf } from './textDirectionOf';

type SectionHeadingTag = 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

/** h2 for level 1 (the title is the h1), h3 for level 2, and so on down to h6. */
function sectionHeadingLevel(section: Section): number {
  return Math.min(6, Math.max(2, section.level + 1));
}

function SectionView({ section }: { section: Section }) {
  const level = sectionHeadingLevel(section);
  const Tag = `h${level}` as SectionHeadingTag;
  const hasHeading = section.heading.trim().length > 0;
  return (
    <section
      className={`doc-section doc-section-level-${Math.min(section.level, 4)}`}
      id={sectionDomId(section.id)}
      data-section-id={section.id}
      aria-labelledby={hasHeading ? sectionHeadingDomId(section.id) : undefined}
    >
      {hasHeading && (
        <Tag
          id={sectionHeadingDomId(section.id)}
          className="section-heading"
          tabIndex={-1}
          dir="auto"
        >
          {section.heading}
        </Tag>
      )}
      {section.blocks.map((block, index) => (
        <BlockView key={index} block={block} sectionHeadingLevel={level} />
      ))}
    </section>
  );
}

function TitleBlock({ brief }: { brief: Brief }) {
  const { meta } = brief;
  const details: { term: string; value: string }[] = [];
  if (meta.organisation) details.push({ term: 'Organisation', value: meta.organisation });
  if (meta.reference) details.push({ term: 'Reference', value: meta.reference });
  if (meta.date) details.push({ term: 'Date', value: formatBriefDate(meta.date) });
  if (meta.authors.length > 0) {
    details.push({
      term: meta.authors.length > 1 ? 'Authors' : 'Author',
      value: meta.authors.join(', '),
    });
  }
  return (
    <header className="doc-title-block">
      {meta.documentType && <p className="doc-type">{meta.documentType}</p>}
      <h1 className="doc-title" dir="auto">
        {meta.title || brief.title}
      </h1>
      {meta.subtitle && (
        <p className="doc-subtitle" dir="auto">
          {meta.subtitle}
        </p>
      )}
      {details.length > 0 && (
        <dl className="doc-meta">
          {details.map(({ term, value }) => (
            <div key={term} className="doc-meta-item">
              <dt>{term}</dt>
              <dd dir="auto">{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </header>
  );
}

/** The brief rendered from its document model; memoised because it is large and never changes. */
export const BriefDocument = memo(function BriefDocument({ brief }: { brief: Brief }) {
  const language = brief.meta.language ?? undefined;
  return (
    <article className="doc" lang={language} dir={textDirectionOf(brief.meta.language)}>
      <TitleBlock brief={brief} />
      {brief.sections.map((section) => (
        <SectionView key={section.id} section={section} />
      ))}
    </article>
  );
});
