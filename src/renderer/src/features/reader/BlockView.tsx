import { cloneElement, createElement, type MouseEvent, type ReactElement } from 'react';
import type { BlockLayout } from '../../../../shared/anchoring/sectionTextLayout';
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
  /**
   * Where the block's parts lie in its section's text, from the section's `sectionTextLayout`:
   * each text run then carries its start there as `data-o` (see textOffsets). Pass the same
   * object on every render, or memoised blocks render again.
   */
  layout?: BlockLayout;
}

type LayoutOf<K extends BlockLayout['kind']> = Extract<BlockLayout, { kind: K }>;

/** The layout when it is of the kind the block renders, which it is when made from that block. */
function layoutOf<K extends BlockLayout['kind']>(
  layout: BlockLayout | undefined,
  kind: K,
): LayoutOf<K> | undefined {
  return layout?.kind === kind ? (layout as LayoutOf<K>) : undefined;
}

function headingTagBelow(sectionHeadingLevel: number, level: number): HeadingTag {
  const tagLevel = Math.min(6, Math.max(sectionHeadingLevel + 1, level + 1));
  return `h${Math.max(3, tagLevel)}` as HeadingTag;
}

function TableRow({
  cells,
  header,
  starts,
}: {
  cells: TableCell[];
  header: boolean;
  /** Where each cell starts in the section's text. */
  starts: number[] | undefined;
}) {
  return (
    <tr>
      {cells.map((cell, index) =>
        header ? (
          <th key={index} scope="col" dir="auto">
            <InlineContent content={cell.content} start={starts?.[index]} />
          </th>
        ) : (
          <td key={index} dir="auto">
            <InlineContent content={cell.content} start={starts?.[index]} />
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
export function BlockView({ block, sectionHeadingLevel, blockIndex, layout }: BlockViewProps) {
  const element = blockElement(block, sectionHeadingLevel, layout);
  if (blockIndex === undefined) return element;
  return cloneElement(element, { 'data-block': blockIndex } as Record<string, unknown>);
}

function blockElement(
  block: Block,
  sectionHeadingLevel: number,
  layout: BlockLayout | undefined,
): ReactElement {
  switch (block.type) {
    case 'paragraph':
      return (
        <p dir={block.dir ?? 'auto'}>
          <InlineContent content={block.content} start={layoutOf(layout, 'inline')?.content} />
        </p>
      );
    case 'heading':
      return createElement(
        headingTagBelow(sectionHeadingLevel, block.level),
        { className: 'block-heading', dir: 'auto' },
        <InlineContent content={block.content} start={layoutOf(layout, 'inline')?.content} />,
      );
    case 'list': {
      const itemLayouts = layoutOf(layout, 'list')?.items;
      const items = block.items.map((item, index) => (
        <li key={index} dir="auto">
          {item.blocks.map((child, childIndex) => (
            <BlockView
              key={childIndex}
              block={child}
              sectionHeadingLevel={sectionHeadingLevel}
              layout={itemLayouts?.[index]?.[childIndex]}
            />
          ))}
        </li>
      ));
      return block.ordered ? <ol start={block.start}>{items}</ol> : <ul>{items}</ul>;
    }
    case 'quote': {
      const childLayouts = layoutOf(layout, 'quote')?.blocks;
      return (
        <blockquote>
          {block.blocks.map((child, index) => (
            <BlockView
              key={index}
              block={child}
              sectionHeadingLevel={sectionHeadingLevel}
              layout={childLayouts?.[index]}
            />
          ))}
        </blockquote>
      );
    }
    case 'table': {
      const cellStarts = layoutOf(layout, 'table')?.cells;
      const head = block.rows.slice(0, block.headerRows);
      const body = block.rows.slice(block.headerRows);
      return (
        // The region is focusable so a keyboard user can scroll a wide table sideways.
        <div className="table-scroll" role="region" aria-label="Table" tabIndex={0}>
          <table>
            {head.length > 0 && (
              <thead>
                {head.map((cells, index) => (
                  <TableRow key={index} cells={cells} header starts={cellStarts?.[index]} />
                ))}
              </thead>
            )}
            <tbody>
              {body.map((cells, index) => (
                <TableRow
                  key={index}
                  cells={cells}
                  header={false}
                  starts={cellStarts?.[block.headerRows + index]}
                />
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    case 'footnote': {
      const parts = layoutOf(layout, 'footnote');
      return (
        <div className="footnote" id={footnoteDomId(block.footnoteId)} tabIndex={-1} dir="auto">
          <span className="footnote-label" data-o={parts?.label}>
            {block.label}
          </span>
          <span className="footnote-text">
            <InlineContent content={block.content} start={parts?.content} />
          </span>{' '}
          <FootnoteBackLink footnoteId={block.footnoteId} label={block.label} />
        </div>
      );
    }
    case 'caption':
      return (
        <p className="caption" dir="auto">
          <InlineContent content={block.content} start={layoutOf(layout, 'inline')?.content} />
        </p>
      );
    case 'code':
      return (
        <pre className="code-block" tabIndex={0}>
          <code data-o={layoutOf(layout, 'code')?.text}>{block.text}</code>
        </pre>
      );
    case 'rule':
      return <hr />;
  }
}
