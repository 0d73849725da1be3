// Elements that hold no children, and those a parser closes when the next one opens (never nest).
const NOT_NESTING = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'option',
  'optgroup',
  'rb',
  'rt',
  'rp',
]);

// Their content is raw text: a `<div>` inside a script is not an element.
const RAW_TEXT_END = new Map(
  ['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'iframe', 'noembed', 'noframes'].map(
    (name) => [name, new RegExp(`</${name}`, 'gi')],
  ),
);

const NAME = /[a-zA-Z][^\s/>]*/y;

/** Chromium's parser also stops nesting at 512; real pages stay far below. */
export const MAX_HTML_DEPTH = 512;

/** The warning a brief carries when some of its markup was flattened. */
export function deepMarkupWarning(flattened: number): string {
  return `${flattened} elements nested more than ${MAX_HTML_DEPTH} levels deep were flattened (their text is kept).`;
}

/**
 * Drops the start and end tags of elements nested deeper than `limit` (their text stays), in one
 * linear pass over the tags: the DOM parser slows with the square of the depth, so 10 MB of
 * unclosed `<div>`s would otherwise never finish. An end tag closes everything opened after its
 * element, as the parser does; comments and raw text (scripts, styles) are skipped.
 */
export function flattenDeepHtml(
  html: string,
  limit = MAX_HTML_DEPTH,
): { html: string; flattened: number } {
  // Each open element and whether its tags are kept (only those within the limit are).
  const stack: { name: string; kept: boolean }[] = [];
  const open = new Map<string, number>();
  const parts: string[] = [];
  let copiedTo = 0;
  let flattened = 0;
  const drop = (from: number, to: number) => {
    if (from > copiedTo) parts.push(html.slice(copiedTo, from));
    copiedTo = to;
  };
  let at = html.indexOf('<');
  while (at !== -1) {
    if (html.startsWith('<!--', at)) {
      const end = html.indexOf('-->', at + 4);
      if (end === -1) break;
      at = html.indexOf('<', end + 3);
      continue;
    }
    const closing = html[at + 1] === '/';
    NAME.lastIndex = at + (closing ? 2 : 1);
    const match = NAME.exec(html);
    if (!match) {
      at = html.indexOf('<', at + 1);
      continue;
    }
    const name = match[0].toLowerCase();
    const tagEnd = html.indexOf('>', NAME.lastIndex);
    if (tagEnd === -1) break;
    if (closing) {
      if ((open.get(name) ?? 0) > 0) {
        let kept = true;
        for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
          open.set(top.name, (open.get(top.name) ?? 1) - 1);
          if (top.name === name) {
            kept = top.kept;
            break;
          }
        }
        if (!kept) drop(at, tagEnd + 1);
      }
    } else if (RAW_TEXT_END.has(name)) {
      const endTag = RAW_TEXT_END.get(name) as RegExp;
      endTag.lastIndex = tagEnd + 1;
      const end = endTag.exec(html);
      if (!end) break;
      at = html.indexOf('<', end.index + 2);
      continue;
    } else if (!NOT_NESTING.has(name)) {
      const kept = stack.length < limit;
      stack.push({ name, kept });
      open.set(name, (open.get(name) ?? 0) + 1);
      if (!kept) {
        drop(at, tagEnd + 1);
        flattened++;
      }
    }
    at = html.indexOf('<', tagEnd + 1);
  }
  if (flattened === 0) return { html, flattened };
  parts.push(html.slice(copiedTo));
  return { html: parts.join(''), flattened };
}
