// Word's built-in and pandoc's style names, mapped onto HTML the converter reads.
const KNOWN: string[] = [
  "p[style-name='Title'] => p.bm-title:fresh",
  "p[style-name='Subtitle'] => p.bm-subtitle:fresh",
  "p[style-name='Author'] => p.bm-author:fresh",
  "p[style-name='Date'] => p.bm-date:fresh",
  "p[style-name='Abstract Title'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
  "p[style-name='Caption'] => figcaption:fresh",
  "p[style-name='Table Caption'] => figcaption:fresh",
  "p[style-name='Image Caption'] => figcaption:fresh",
  "p[style-name='Source Code'] => pre:separator('\\n')",
  "p[style-name='HTML Preformatted'] => pre:separator('\\n')",
  "p[style-name='Code'] => pre:separator('\\n')",
  "p[style-name='TOC Heading'] => !",
  "r[style-name='Strong'] => strong",
  "r[style-name='Emphasis'] => em",
  "r[style-name='Verbatim Char'] => code",
  "r[style-name='HTML Code'] => code",
];

interface WordStyle {
  type: string;
  id: string;
  name: string;
  basedOn: string | null;
  outlineLevel: number | null;
}

function attribute(xml: string, element: string): string | null {
  return new RegExp(`<w:${element}\\b[^>]*\\bw:val="([^"]*)"`).exec(xml)?.[1] ?? null;
}

function readStyles(stylesXml: string): WordStyle[] {
  const styles: WordStyle[] = [];
  // Split on end tags rather than one lazy regex: unclosed <w:style> tags made that quadratic.
  for (const chunk of stylesXml.split('</w:style>').slice(0, -1)) {
    let start: RegExpExecArray | undefined;
    for (const m of chunk.matchAll(/<w:style\b([^>]*)>/g)) start = m;
    if (!start) continue;
    const head = start[1] ?? '';
    const body = chunk.slice(start.index + start[0].length);
    const type = /\bw:type="([^"]*)"/.exec(head)?.[1] ?? '';
    const id = /\bw:styleId="([^"]*)"/.exec(head)?.[1] ?? '';
    const name = attribute(body, 'name') ?? id;
    const level = attribute(body, 'outlineLvl');
    styles.push({
      type,
      id,
      name,
      basedOn: attribute(body, 'basedOn'),
      outlineLevel: level === null ? null : Number(level),
    });
  }
  return styles;
}

const QUOTE = /^(?:quote|intense quote|block text)$/i;

/** What a custom style inherits that matters: an outline level, or being a quote or a title. */
function role(style: WordStyle, byId: Map<string, WordStyle>): string | null {
  let current: WordStyle | undefined = style;
  for (let hops = 0; current && hops < 20; hops++) {
    if (current.outlineLevel !== null && current.outlineLevel >= 0 && current.outlineLevel < 9) {
      return `h${Math.min(current.outlineLevel + 1, 6)}:fresh`;
    }
    const heading = /^heading\s*([1-9])$/i.exec(current.name);
    if (heading?.[1]) return `h${Math.min(Number(heading[1]), 6)}:fresh`;
    if (/^title$/i.test(current.name)) return 'p.bm-title:fresh';
    if (QUOTE.test(current.name)) return 'blockquote > p:fresh';
    current = current.basedOn ? byId.get(current.basedOn) : undefined;
  }
  return null;
}

// mammoth's style map quotes names in single quotes; names that need escaping are left unmapped.
const MAPPABLE = /^[^'\\\n]+$/;

/**
 * A mammoth style map for a document: Word's and pandoc's common styles, then custom paragraph
 * styles by what they are based on (an outline level or a Heading style makes a heading, Title
 * a title, Quote a quote), and every other character style as plain text.
 */
export function docxStyleMap(stylesXml: string): string[] {
  const styles = readStyles(stylesXml);
  const byId = new Map(styles.map((s) => [s.id, s]));
  const known = new Set(
    KNOWN.map((line) => /style-name='([^']+)'/.exec(line)?.[1]?.toLowerCase() ?? ''),
  );
  const map = [...KNOWN];
  for (const style of styles) {
    if (!MAPPABLE.test(style.name) || known.has(style.name.toLowerCase())) continue;
    if (/^heading\s*[1-6]$/i.test(style.name)) continue;
    // Other paragraph styles stay unmapped: a mapping would override mammoth's list detection.
    const target = style.type === 'paragraph' ? role(style, byId) : null;
    if (target) {
      map.push(`p[style-name='${style.name}'] => ${target}`);
    } else if (
      style.type === 'character' &&
      !/^(?:footnote|endnote) reference$/i.test(style.name)
    ) {
      map.push(`r[style-name='${style.name}'] =>`);
    }
  }
  return map;
}
