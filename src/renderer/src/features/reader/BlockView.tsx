import { cloneElement, createElement, type MouseEvent, type ReactElement } from 'react';
import type { Block, TableCell } from '../../../../shared/model';
import { footnoteDomId, footnoteRefDomId } from './domIds';
import { InlineContent } from './InlineContent';
import { jumpToElement } from './jumpToElement';

type HeadingTag = 'h3' | 'h4' | 'h5' | 'h6';

interface BlockViewProps {
  block: Block;
  /** The HTML heading level of the enclosing section's heading (2 for a level-1 section). */
  sectionHeadingLevel: number;
  /** The index of a top-level block within its section, set as `data-block` for jumping to it. */
  blockIndex?: number;
}

function headingTagBelow(sectionHeadingLevel: number, level: number): HeadingTag {
  const tagLevel = Math.min(6, Math.max(sectionHeadingLevel + 1, level + 1));
  return `h${Math.max(3, tagLevel)}` as HeadingTag;
}

function TableRow({ cells, header }: { cells: TableCell[]; header: boolean }) {
  return (
    <tr>
      {cells.map((cell, index) =>
        header ? (
          <th key={index} scope="col" dir="auto">
            <InlineContent content={cell.content} />
          </th>
        ) : (
          <td key={index} dir="auto">
            <InlineContent content={cell.content} />
          </td>
        ),
      )}
    </tr>
  );
}

function FootnoteBackLink({ footnoteId, label }: { footnoteId: string; label: string }) {
  const back = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    jumpToElement(footnoteRefDomId(footnoteId), { block: 'center' });
  };
  return (
    <a
      href={`#${footnoteRefDomId(footnoteId)}`}
      className="footnote-back"
      aria-label={`Back to reference ${label}`}
      onClick={back}
    >
      ↩
    </a>
  );
}

/** One block of the document model as React elements. Nothing here takes HTML from the model. */
export function BlockView({ block, sectionHeadingLevel, blockIndex }: BlockViewProps) {
  const element = blockElement(block, sectionHeadingLevel);
  if (blockIndex === undefined) return element;
  return cloneElement(element, { 'data-block': blockIndex } as Record<string, unknown>);
}

function blockElement(block: Block, sectionHeadingLevel: number): ReactElement {
  switch (block.type) {
    case 'paragraph':
      return (
        <p dir={block.dir ?? 'auto'}>
          <InlineContent content={block.content} />
        </p>
      );
    case 'heading':
      return createElement(
        headingTagBelow(sectionHeadingLevel, block.level),
        { className: 'block-heading', dir: 'auto' },
        <InlineContent content={block.content} />,
      );
    case 'list': {
      const items = block.items.map((item, index) => (
        <li key={index} dir="auto">
          {item.blocks.map((child, childIndex) => (
            <BlockView key={childIndex} block={child} sectionHeadingLevel={sectionHeadingLevel} />
          ))}
        </li>
      ));
      return block.ordered ? <ol start={block.start}>{items}</ol> : <ul>{items}</ul>;
    }
    case 'quote':
      return (
        <blockquote>
          {block.blocks.map((child, index) => (
            <BlockView key={index} block={child} sectionHeadingLevel={sectionHeadingLevel} />
          ))}
        </blockquote>
      );
    case 'table': {
      const head = block.rows.slice(0, block.headerRows);
      const body = block.rows.slice(block.headerRows);
      return (
        // The region is focusable so a keyboard user can scroll a wide table sideways.
        <div className="table-scroll" role="region" aria-label="Table" tabIndex={0}>
          <table>
            {head.length > 0 && (
              <thead>
                {head.map((cells, index) => (
                  <TableRow key={index} cells={cells} header />
                ))}
              </thead>
            )}
            <tbody>
              {body.map((cells, index) => (
                <TableRow key={index} cells={cells} header={false} />
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    case 'footnote':
      return (
        <div className="footnote" id={footnoteDomId(block.footnoteId)} tabIndex={-1} dir="auto">
          <span className="footnote-label">{block.label}</span>
          <span className="footnote-text">
            <InlineContent content={block.content} />
          </span>{' '}
          <FootnoteBackLink footnoteId={block.footnoteId} label={block.label} />
        </div>
      );
    case 'caption':
      return (
        <p className="caption" dir="auto">
          <InlineContent content={block.content} />
        </p>
      );
    case 'code':
      return (
        <pre className="code-block" tabIndex={0}>
          <code>{block.text}</code>
        </pre>
      );
    case 'rule':
      return <hr />;
  }
}
