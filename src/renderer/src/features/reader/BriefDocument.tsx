import {
  memo,
  startTransition,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { flushSync } from 'react-dom';
import { sectionTextLayout } from '../../../../shared/anchoring/sectionTextLayout';
import type { SectionChangeKind } from '../../../../shared/editions';
import type { Brief, Section } from '../../../../shared/model';
import { afterNextPaint } from '../../dom/afterNextPaint';
import { formatBriefDate } from '../../format/formatBriefDate';
import { SectionChangeBadge, sectionChangeBadgeId } from '../editions/SectionChangeBadge';
import { BlockView } from './BlockView';
import { registerDocumentMount } from './documentMount';
import { sectionDomId, sectionHeadingDomId } from './domIds';
import {
  firstMountRange,
  grownMountRange,
  isComplete,
  mountRangeWith,
  mountWeights,
  type MountRange,
} from './mountRange';
import { sectionIndexByDomId } from './sectionIndexByDomId';
import { textDirectionOf } from './textDirectionOf';

type SectionHeadingTag = 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

/** h2 for level 1 (the title is the h1), h3 for level 2, and so on down to h6. */
function sectionHeadingLevel(section: Section): number {
  return Math.min(6, Math.max(2, section.level + 1));
}

// Element Timing reports when the first section's heading is first painted: the moment a brief
// counts as open in bench/readerOpen.bench.ts.
const FIRST_SECTION_TIMING = { elementtiming: 'first-section' };

// Memoised so that mounting more of the brief leaves what is already mounted alone.
const MountedBlock = memo(BlockView);

const SectionView = memo(function SectionView({
  section,
  first,
  blockLimit,
  change,
}: {
  section: Section;
  first: boolean;
  /** How many of its blocks are mounted yet; all when undefined. */
  blockLimit?: number;
  /** How the brief's latest edition changed this section, if it did. */
  change?: SectionChangeKind;
}) {
  const level = sectionHeadingLevel(section);
  // Once per section: the same layout objects on every render keep the memoised blocks as they are.
  const layout = useMemo(() => sectionTextLayout(section), [section]);
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
          aria-describedby={change ? sectionChangeBadgeId(section.id) : undefined}
          {...(first ? FIRST_SECTION_TIMING : {})}
        >
          {section.heading}
          {change && <SectionChangeBadge sectionId={section.id} change={change} />}
        </Tag>
      )}
      {section.blocks.slice(0, blockLimit).map((block, index) => (
        <MountedBlock
          key={index}
          block={block}
          sectionHeadingLevel={level}
          blockIndex={index}
          layout={layout.blocks[index]}
        />
      ))}
    </section>
  );
});

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

/**
 * Mounts a long brief a screenful first and the rest in chunks, one per frame, so that the
 * first section paints at once and scrolling and typing stay responsive meanwhile. Jumps do not
 * wait: `ensureElementRendered` (documentMount.ts) mounts up to their target synchronously.
 */
function useProgressiveMount(
  sections: readonly Section[],
  initialSectionId: string | null | undefined,
  progressive: boolean,
): MountRange {
  const weights = useMemo(() => mountWeights(sections), [sections]);
  const [range, setRange] = useState<MountRange>(() => {
    if (!progressive) return { start: 0, end: sections.length, endBlocks: 0 };
    const initialIndex = sections.findIndex((section) => section.id === initialSectionId);
    return firstMountRange(weights, initialIndex >= 0 ? initialIndex : null);
  });
  const complete = isComplete(range, sections.length);

  useEffect(() => {
    if (complete) return;
    return afterNextPaint(() => {
      // A transition, so React yields to input while it renders the chunk.
      startTransition(() => setRange((current) => grownMountRange(current, weights)));
    });
  }, [range, complete, weights]);

  const domIdsRef = useRef<Map<string, number> | null>(null);
  useLayoutEffect(() => {
    domIdsRef.current = null;
    return registerDocumentMount((elementId) => {
      // Built on the first early jump only: most readers never jump before mounting ends.
      domIdsRef.current ??= sectionIndexByDomId(sections);
      const index = domIdsRef.current.get(elementId);
      flushSync(() =>
        setRange((current) =>
          index === undefined
            ? { start: 0, end: sections.length, endBlocks: 0 }
            : mountRangeWith(current, weights, index),
        ),
      );
    });
  }, [sections, weights]);

  return range;
}

interface BriefDocumentProps {
  brief: Brief;
  /** The section of a saved reading position: mounted first, so the reader opens there at once. */
  initialSectionId?: string | null;
  /**
   * False mounts every section in the first render, as the server renderer must (it runs no
   * effects) for the static page that bench/readerOpen.bench.ts compares against.
   */
  progressive?: boolean;
  /** Sections the brief's latest edition changed or added, badged beside their headings. */
  sectionChanges?: ReadonlyMap<string, SectionChangeKind>;
}

/**
 * The brief rendered from its document model; memoised because it is large and never changes.
 * `data-complete="true"` on the article says that every section is mounted.
 */
export const BriefDocument = memo(function BriefDocument({
  brief,
  initialSectionId,
  progressive = true,
  sectionChanges,
}: BriefDocumentProps) {
  const language = brief.meta.language ?? undefined;
  const { sections } = brief;
  const range = useProgressiveMount(sections, initialSectionId, progressive);
  // The section mounted in part is in the same list as the whole ones, so that completing it
  // keeps its elements rather than mounting them again.
  const mounted = sections.slice(range.start, range.end + (range.endBlocks > 0 ? 1 : 0));
  return (
    <article
      className="doc"
      lang={language}
      dir={textDirectionOf(brief.meta.language)}
      data-complete={isComplete(range, sections.length) ? 'true' : undefined}
    >
      <TitleBlock brief={brief} />
      {/* Sections above are still to come: the first one mounted must not take the
          first-of-type styling of the brief's first section, or it would move when they come. */}
      {range.start > 0 && <section hidden />}
      {mounted.map((section, offset) => {
        const index = range.start + offset;
        return (
          <SectionView
            key={section.id}
            section={section}
            first={index === 0}
            blockLimit={index === range.end ? range.endBlocks : undefined}
            change={sectionChanges?.get(section.id)}
          />
        );
      })}
    </article>
  );
});
