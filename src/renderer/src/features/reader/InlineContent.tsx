import type { MouseEvent, ReactNode } from 'react';
import { sectionTextOfInline } from '../../../../shared/anchoring/sectionTextOfInline';
import type { Inline, TextMark } from '../../../../shared/model';
import { footnoteDomId, footnoteRefDomId } from './domIds';
import { ExternalLink } from './ExternalLink';
import { isOpenableHref } from './isOpenableHref';
import { jumpToElement } from './jumpToElement';

type TextInline = Extract<Inline, { type: 'text' }>;

/**
 * An inline with where it starts in the section's text (see sectionTextLayout), set on its
 * element as `data-o` so that a selection can be mapped to section offsets and back.
 */
interface Placed<T extends Inline> {
  inline: T;
  offset: number | undefined;
}

/** A run of inlines rendered together: either one non-link inline, or consecutive inlines sharing a link. */
type InlineGroup =
  | { kind: 'single'; placed: Placed<Inline> }
  | { kind: 'link'; href: string | null; placed: Placed<TextInline>[] };

function linkOf(inline: Inline): Extract<TextMark, { type: 'link' }> | undefined {
  if (inline.type !== 'text') return undefined;
  return inline.marks?.find(
    (mark): mark is Extract<TextMark, { type: 'link' }> => mark.type === 'link',
  );
}

function groupByLink(content: Inline[], start: number | undefined): InlineGroup[] {
  const groups: InlineGroup[] = [];
  let offset = start;
  for (const inline of content) {
    const link = linkOf(inline);
    const last = groups[groups.length - 1];
    if (link && inline.type === 'text') {
      const placed = { inline, offset };
      if (last?.kind === 'link' && last.href === link.href) last.placed.push(placed);
      else groups.push({ kind: 'link', href: link.href, placed: [placed] });
    } else {
      groups.push({ kind: 'single', placed: { inline, offset } });
    }
    if (offset !== undefined) offset += sectionTextOfInline(inline).length;
  }
  return groups;
}

function renderText({ inline, offset }: Placed<TextInline>, key: number): ReactNode {
  let node: ReactNode = inline.text;
  for (const mark of inline.marks ?? []) {
    if (mark.type === 'code') node = <code>{node}</code>;
    else if (mark.type === 'italic') node = <em>{node}</em>;
    else if (mark.type === 'bold') node = <strong>{node}</strong>;
  }
  return (
    <span key={key} data-o={offset}>
      {node}
    </span>
  );
}

function FootnoteRef({
  label,
  footnoteId,
  offset,
}: {
  label: string;
  footnoteId: string;
  offset: number | undefined;
}) {
  const jump = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    jumpToElement(footnoteDomId(footnoteId), { block: 'center' });
  };
  return (
    <sup className="footnote-ref">
      <a
        href={`#${footnoteDomId(footnoteId)}`}
        id={footnoteRefDomId(footnoteId)}
        aria-label={`Footnote ${label}`}
        onClick={jump}
        data-o={offset}
      >
        {label}
      </a>
    </sup>
  );
}

function renderSingle({ inline, offset }: Placed<Inline>, key: number): ReactNode {
  switch (inline.type) {
    case 'text':
      return renderText({ inline, offset }, key);
    case 'lineBreak':
      return <br key={key} />;
    case 'footnoteRef':
      return (
        <FootnoteRef
          key={key}
          label={inline.label}
          footnoteId={inline.footnoteId}
          offset={offset}
        />
      );
  }
}

/**
 * Inline content of the document model as React elements: marks, links and footnote references.
 * With `start`, where the content starts in its section's text, each text run and footnote
 * reference carries its own start as `data-o` (textOffsets relies on it).
 */
export function InlineContent({ content, start }: { content: Inline[]; start?: number }) {
  return (
    <>
      {groupByLink(content, start).map((group, index) => {
        if (group.kind === 'single') return renderSingle(group.placed, index);
        const text = group.placed.map(renderText);
        if (group.href !== null && isOpenableHref(group.href)) {
          return (
            <ExternalLink key={index} href={group.href}>
              {text}
            </ExternalLink>
          );
        }
        return (
          <span key={index} className="link-inert" title="Placeholder link: no address">
            {text}
          </span>
        );
      })}
    </>
  );
}
