import type { MouseEvent, ReactNode } from 'react';
import type { Inline, TextMark } from '../../../../shared/model';
import { footnoteDomId, footnoteRefDomId } from './domIds';
import { ExternalLink } from './ExternalLink';
import { isOpenableHref } from './isOpenableHref';
import { jumpToElement } from './jumpToElement';

type TextInline = Extract<Inline, { type: 'text' }>;

/** A run of inlines rendered together: either one non-link inline, or consecutive inlines sharing a link. */
type InlineGroup =
  { kind: 'single'; inline: Inline } | { kind: 'link'; href: string | null; inlines: TextInline[] };

function linkOf(inline: Inline): Extract<TextMark, { type: 'link' }> | undefined {
  if (inline.type !== 'text') return undefined;
  return inline.marks?.find(
    (mark): mark is Extract<TextMark, { type: 'link' }> => mark.type === 'link',
  );
}

function groupByLink(content: Inline[]): InlineGroup[] {
  const groups: InlineGroup[] = [];
  for (const inline of content) {
    const link = linkOf(inline);
    const last = groups[groups.length - 1];
    if (link && inline.type === 'text') {
      if (last?.kind === 'link' && last.href === link.href) last.inlines.push(inline);
      else groups.push({ kind: 'link', href: link.href, inlines: [inline] });
    } else {
      groups.push({ kind: 'single', inline });
    }
  }
  return groups;
}

function renderText(inline: TextInline, key: number): ReactNode {
  let node: ReactNode = inline.text;
  for (const mark of inline.marks ?? []) {
    if (mark.type === 'code') node = <code>{node}</code>;
    else if (mark.type === 'italic') node = <em>{node}</em>;
    else if (mark.type === 'bold') node = <strong>{node}</strong>;
  }
  return <span key={key}>{node}</span>;
}

function FootnoteRef({ label, footnoteId }: { label: string; footnoteId: string }) {
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
      >
        {label}
      </a>
    </sup>
  );
}

function renderSingle(inline: Inline, key: number): ReactNode {
  switch (inline.type) {
    case 'text':
      return renderText(inline, key);
    case 'lineBreak':
      return <br key={key} />;
    case 'footnoteRef':
      return <FootnoteRef key={key} label={inline.label} footnoteId={inline.footnoteId} />;
  }
}

/** Inline content of the document model as React elements: marks, links and footnote references. */
export function InlineContent({ content }: { content: Inline[] }) {
  return (
    <>
      {groupByLink(content).map((group, index) => {
        if (group.kind === 'single') return renderSingle(group.inline, index);
        const text = group.inlines.map(renderText);
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
