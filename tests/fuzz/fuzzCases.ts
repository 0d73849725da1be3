import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { wordZipBombs } from './craftZip';
import type { Random } from './mulberry32';
import { damageZip } from './zipDamage';

/** One file to import: a name (whose extension picks the importer) and its bytes. */
export interface FuzzCase {
  /** How the case was made, e.g. `flip(3)+truncate < dia-2025.pdf as .docx`. */
  label: string;
  fileName: string;
  bytes: Uint8Array;
}

/** A well-formed file the mutations start from: a corpus file or a tiny generated one. */
export interface FuzzSeed {
  name: string;
  extension: string;
  bytes: Uint8Array;
}

/** Every extension the importers claim, plus formats they must refuse by name. */
export const EXTENSIONS = [
  'pdf',
  'docx',
  'html',
  'htm',
  'xhtml',
  'md',
  'markdown',
  'qmd',
  'txt',
  'text',
] as const;

const encoder = new TextEncoder();
const utf8 = (text: string): Uint8Array => encoder.encode(text);

function extensionOf(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1).toLowerCase();
}

function baseName(name: string): string {
  return name.replace(/\.[^.]+$/, '');
}

/**
 * Corpus files of every format (PDF, DOCX and EPUB only up to `maxBinaryBytes`), plus a tiny generated PDF and DOCX
 * (fast to parse, so many mutations of them fit in a short run).
 */
export async function loadSeeds(corpusDir: string, maxBinaryBytes: number): Promise<FuzzSeed[]> {
  const seeds: FuzzSeed[] = readdirSync(corpusDir)
    .filter((name) => /\.(pdf|docx|html|md|qmd|txt|epub)$/i.test(name))
    .map((name) => ({ name, bytes: readFileSync(join(corpusDir, name)) }))
    .filter(
      ({ name, bytes }) => !/\.(pdf|docx|epub)$/i.test(name) || bytes.length <= maxBinaryBytes,
    )
    .map(({ name, bytes }) => ({
      name,
      extension: extensionOf(name),
      bytes: new Uint8Array(bytes),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  seeds.push({ name: 'generated-tiny.pdf', extension: 'pdf', bytes: tinyPdf() });
  seeds.push({ name: 'generated-tiny.docx', extension: 'docx', bytes: await tinyDocx() });
  return seeds;
}

/** A two-page PDF with a bold title, a heading, body text, a running footer and page numbers. */
export function tinyPdf(): Uint8Array {
  const page = (n: number, lines: string[]): string =>
    [
      'BT /F2 16 Tf 72 720 Td (Retrospective Review of Rules) Tj ET',
      'BT /F2 12 Tf 72 690 Td (1. Background) Tj ET',
      'BT /F1 10 Tf 72 670 Td 12 TL',
      ...lines.map((line) => `(${line}) '`),
      'ET',
      `BT /F1 8 Tf 290 40 Td (Page ${n}) Tj ET`,
    ].join('\n');
  const streams = [
    page(1, ['Agencies review existing rules to see whether they still work.', 'They found that']),
    page(2, ['reviews were rarely published.', 'Recommendations follow below.']),
  ];
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 7 0 R >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 8 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>',
    ...streams.map((s) => `<< /Length ${s.length} >>\nstream\n${s}\nendstream`),
    '<< /Title (Retrospective Review) /Author (Fuzz) >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\n`;
  pdf += `startxref\n${xref}\n%%EOF\n`;
  return utf8(pdf);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function docxParagraph(text: string, style?: string, bold = false): string {
  const props = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
  const run = bold ? '<w:rPr><w:b/></w:rPr>' : '';
  return `<w:p>${props}<w:r>${run}<w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

/** Zips a Word document from its body XML (and optional styles), as Word would. */
export async function zipDocx(bodyXml: string, stylesXml = ''): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${bodyXml}</w:body></w:document>`,
  );
  if (stylesXml) zip.file('word/styles.xml', stylesXml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A small Word document: title, headings, bold text, a table. */
export function tinyDocx(): Promise<Uint8Array> {
  return zipDocx(
    [
      docxParagraph('Financial Assistance Grants', 'Title'),
      docxParagraph('1. Summary', 'Heading1'),
      docxParagraph('Councils rely on untied grants.', undefined, true),
      docxParagraph('Grants fell as a share of taxation.'),
      docxParagraph('2. Recommendations', 'Heading1'),
      '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Year</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Share</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
      docxParagraph('Restore the grants to one per cent.'),
    ].join(''),
  );
}

// Tokens that steer a parser into its rarer paths, inserted at random points.
const TOKENS: Record<string, readonly string[]> = {
  pdf: [
    'obj',
    'endobj',
    'stream\n',
    '\nendstream',
    '<<',
    '>>',
    '/Length 999999999',
    '/Length -1',
    '/Filter /FlateDecode',
    '/Filter /LZWDecode',
    'xref\n0 1\n',
    'trailer',
    '/Encrypt 1 0 R',
    '(',
    ')',
    '[',
    ']',
    '/Type /Page',
    '/Kids [2 0 R 2 0 R]',
    '/Count -1',
    '/Count 999999999',
    '1 0 R',
    'BT',
    'ET',
    'Tj',
    "'",
    '/F1 1e308 Tf',
    '%%EOF',
    'startxref\n0\n',
    '/Prev 0',
    ' 0 0 1e9 1e9 re',
    'q q q q q q q q',
    '/Annots [1 0 R]',
    '/Outlines 1 0 R',
  ],
  docx: [
    '<w:p>',
    '</w:p>',
    '<w:r>',
    '</w:r>',
    '<w:t>',
    '</w:t>',
    '<w:tbl>',
    '<w:tr>',
    '<w:tc>',
    '<w:pStyle w:val="Heading1"/>',
    '<w:pStyle w:val="Title"/>',
    '<w:b/>',
    '<w:i/>',
    '<w:footnoteReference w:id="99"/>',
    '<w:numPr><w:ilvl w:val="9"/><w:numId w:val="7"/></w:numPr>',
    '<w:hyperlink r:id="rId99">',
    '&#0;',
    '&#x110000;',
    '&bogus;',
    '<![CDATA[',
    '<!--',
    '"',
    '>',
  ],
  html: [
    '<div>',
    '</div>',
    '<table>',
    '<tr>',
    '<td colspan="999999">',
    '<th>',
    '<h1>',
    '<h6>',
    '<!--',
    '-->',
    '<script>',
    '</script>',
    '<style>',
    '<a href="javascript:alert(1)">',
    '<a href="#fn1">',
    '<sup><a href="#fn1" id="fnref1">1</a></sup>',
    '<ol start="-5">',
    '<li>',
    '<ul>',
    '&#x110000;',
    '&#0;',
    '&amp',
    '<meta charset="utf-16">',
    '<meta charset="x-bogus">',
    '<base href="x">',
    '<title>',
    '<svg>',
    '<math>',
    '<template>',
    '<iframe src="http://x">',
    '<![CDATA[',
    '<?xml ',
    '<p dir="rtl">',
    '\u202e',
    '<pre>',
    '<br>',
    '<main>',
    '<nav>',
    '<article>',
    '<html>',
    '<body>',
  ],
  md: [
    '# ',
    '## ',
    '###### ',
    '\n---\n',
    '```',
    '~~~',
    '|',
    '| --- | --- |\n',
    '[^1]',
    '[^1]: ',
    '[^a]: [^a]',
    '> ',
    '- ',
    '1. ',
    '99999999999. ',
    '*',
    '**',
    '_',
    '[link](javascript:x)',
    '![img](x)',
    '<div>',
    '\n\n',
    '    ',
    '\t',
    '---\ntitle: [\n---\n',
    '---\ndate: 99999-99-99\n---\n',
    '&#0;',
    '\\',
    '\u202e',
    '\r',
    '\f',
    '<!--',
    '`',
  ],
  txt: [
    '\f',
    '\r\n',
    '\n\n',
    '\r',
    '# ',
    '* ',
    '- ',
    '1. ',
    '(a) ',
    '=====\n',
    '-----\n',
    'Title: ',
    'Date: 32/13/2024\n',
    '**',
    '_',
    '[1] ',
    '\u200f',
    '\u0301\u0301\u0301',
    '\u0627\u0644',
    '\t',
    'SUMMARY\n',
    'I. INTRODUCTION\n',
    '\u00a0',
  ],
};

function tokensFor(extension: string): readonly string[] {
  if (extension === 'pdf' || extension === 'docx') return TOKENS[extension] ?? [];
  if (extension === 'html' || extension === 'htm' || extension === 'xhtml')
    return TOKENS.html ?? [];
  if (extension === 'md' || extension === 'qmd' || extension === 'markdown') return TOKENS.md ?? [];
  return TOKENS.txt ?? [];
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function randomBytes(random: Random, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => random.int(256));
}

type Mutation = (random: Random, bytes: Uint8Array, extension: string) => [string, Uint8Array];

// Each mutation returns its name and the mutated bytes; all are cheap and size-bounded.
const MUTATIONS: Mutation[] = [
  (r, b) => {
    const at = r.int(b.length);
    return [`truncate@${at}`, b.slice(0, at)];
  },
  (r, b) => {
    const out = b.slice();
    const n = 1 + r.int(16);
    for (let i = 0; i < n && out.length > 0; i++) out[r.int(out.length)] = r.int(256);
    return [`flip(${n})`, out];
  },
  (r, b) => {
    const out = b.slice();
    const n = 1 + r.int(64);
    for (let i = 0; i < n && out.length > 0; i++) {
      const at = r.int(out.length);
      out[at] = (out[at] ?? 0) ^ (1 << r.int(8));
    }
    return [`bitflip(${n})`, out];
  },
  (r, b) => {
    const at = r.int(b.length);
    const length = 1 + r.int(Math.min(b.length - at, 8192));
    return [`delete(${at},${length})`, concat(b.subarray(0, at), b.subarray(at + length))];
  },
  (r, b) => {
    const at = r.int(b.length);
    const length = 1 + r.int(Math.min(b.length - at, 8192));
    const chunk = b.subarray(at, at + length);
    const to = r.int(b.length);
    return [`duplicate(${at},${length})`, concat(b.subarray(0, to), chunk, chunk, b.subarray(to))];
  },
  (r, b) => {
    const at = r.int(b.length);
    const garbage = randomBytes(r, 1 + r.int(4096));
    return [`garbage(${garbage.length})`, concat(b.subarray(0, at), garbage, b.subarray(at))];
  },
  (r, b, extension) => {
    const out: Uint8Array[] = [];
    let from = 0;
    const n = 1 + r.int(24);
    const points = Array.from({ length: n }, () => r.int(b.length)).sort((x, y) => x - y);
    for (const at of points) {
      out.push(b.subarray(from, at), utf8(r.pick(tokensFor(extension)).repeat(1 + r.int(3))));
      from = at;
    }
    out.push(b.subarray(from));
    return [`tokens(${n})`, concat(...out)];
  },
  (r, b) => {
    const at = r.int(b.length);
    const length = 1 + r.int(Math.min(b.length - at, 65536));
    const out = b.slice();
    out.fill(0, at, at + length);
    return [`zero(${at},${length})`, out];
  },
];

/** Applies one to three random mutations; returns their names and the result. */
function mutate(random: Random, bytes: Uint8Array, extension: string): [string, Uint8Array] {
  const names: string[] = [];
  let out = bytes;
  const n = 1 + random.int(3);
  for (let i = 0; i < n; i++) {
    const [name, next] = random.pick(MUTATIONS)(random, out, extension);
    names.push(name);
    out = next;
  }
  return [names.join('+'), out];
}

/** A random window of a text file, so large pages stay quick to import. */
function window(random: Random, bytes: Uint8Array, maxBytes: number): Uint8Array {
  if (bytes.length <= maxBytes) return bytes;
  const start = random.next() < 0.5 ? 0 : random.int(bytes.length - maxBytes);
  return bytes.subarray(start, start + maxBytes);
}

async function mutateDocxParts(random: Random, bytes: Uint8Array): Promise<[string, Uint8Array]> {
  const zip = await JSZip.loadAsync(bytes);
  const part = random.pick(['word/document.xml', 'word/document.xml', 'word/styles.xml']);
  const xml = zip.file(part) ? await zip.file(part)!.async('uint8array') : utf8('<w:styles/>');
  const [name, mutated] = mutate(random, xml, 'docx');
  zip.file(part, mutated);
  return [
    `${part}:${name}`,
    await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }),
  ];
}

export interface RandomCaseOptions {
  /** Text formats are cut to a window of at most this many bytes before mutating. */
  maxTextBytes: number;
  /** Chance that a case is imported under another format's extension. */
  renameChance: number;
}

// Other names each format goes by: a seed is sometimes imported under one of them.
const ALIASES: Record<string, readonly string[]> = {
  html: ['html', 'htm', 'xhtml'],
  md: ['md', 'markdown'],
  qmd: ['qmd', 'md', 'markdown'],
  txt: ['txt', 'text'],
};

/**
 * Endless random cases: a seed, mutated one to three times (for Word files, often inside the
 * ZIP so the damage reaches the XML parser, or in the ZIP's own structure), sometimes renamed to
 * another format's extension, often to another name for its own format (.htm, .markdown, .text).
 */
export async function* randomCases(
  random: Random,
  seeds: readonly FuzzSeed[],
  options: RandomCaseOptions,
): AsyncGenerator<FuzzCase> {
  for (let index = 0; ; index++) {
    const seed = random.pick(seeds);
    const binary =
      seed.extension === 'pdf' || seed.extension === 'docx' || seed.extension === 'epub';
    const source = binary ? seed.bytes : window(random, seed.bytes, options.maxTextBytes);
    const inZip = seed.extension === 'docx' ? random.next() : 1;
    const [name, bytes] =
      inZip < 0.45
        ? await mutateDocxParts(random, source)
        : inZip < 0.7
          ? (damageZip(random, source) ?? mutate(random, source, seed.extension))
          : mutate(random, source, seed.extension);
    const renamed = random.next() < options.renameChance || seed.extension === 'epub';
    const aliases = ALIASES[seed.extension];
    const extension = renamed
      ? random.pick(EXTENSIONS)
      : aliases && random.next() < 0.4
        ? random.pick(aliases)
        : seed.extension;
    yield {
      label: `${name} < ${seed.name}${extension !== seed.extension ? ` as .${extension}` : ''}`,
      fileName: `case-${index}-${baseName(seed.name).slice(0, 40)}.${extension}`,
      bytes,
    };
  }
}

/** The same HTML element opened `depth` times and never closed, about `bytes` long. */
function nested(open: string, bytes: number): string {
  return open.repeat(Math.floor(bytes / open.length));
}

/**
 * The fixed hostile cases: empty and NUL-filled files, bare headers, a ZIP header with garbage,
 * every seed under every other extension, 10 MB of nested divs, a 1 MB single line, and
 * pathological Markdown, YAML and Word XML.
 */
export async function specialCases(
  seeds: readonly FuzzSeed[],
  options: { nestedDivBytes: number; bigBytes: number; lineBytes: number },
): Promise<FuzzCase[]> {
  const cases: FuzzCase[] = [];
  const add = (label: string, fileName: string, bytes: Uint8Array): void => {
    cases.push({ label, fileName, bytes });
  };
  for (const extension of EXTENSIONS) {
    add('zero bytes', `empty.${extension}`, new Uint8Array(0));
    add('NUL-filled 1 MB', `nul.${extension}`, new Uint8Array(1024 * 1024));
    add('one space', `space.${extension}`, utf8(' '));
    add('UTF-8 byte order mark only', `bom.${extension}`, Uint8Array.from([0xef, 0xbb, 0xbf]));
    add('UTF-16 byte order mark only', `bom16.${extension}`, Uint8Array.from([0xff, 0xfe]));
  }
  const headers: [string, string][] = [
    ['pdf', '%PDF-1.7\n'],
    ['pdf', '%PDF-1.7\n%%EOF\n'],
    ['pdf', '%PDF-2.0\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF'],
    ['docx', 'PK\u0003\u0004'],
    ['html', '<!DOCTYPE html>'],
    ['html', '<html><head><title>Only a title</title></head></html>'],
    ['md', '---\n'],
    ['md', '---\ntitle: x\n'],
    ['qmd', '---\n---\n'],
    ['txt', '\uFEFF'],
  ];
  for (const [extension, header] of headers) {
    add(`header only ${JSON.stringify(header)}`, `header.${extension}`, utf8(header));
  }
  const garbage = Uint8Array.from({ length: 64 * 1024 }, (_, i) => (i * 7919 + 13) % 256);
  add('ZIP header + garbage', 'zipgarbage.docx', concat(utf8('PK\u0003\u0004'), garbage));
  add('PDF header + garbage', 'pdfgarbage.pdf', concat(utf8('%PDF-1.7\n'), garbage));
  add('garbage', 'garbage.html', garbage);
  add('empty ZIP', 'emptyzip.docx', await new JSZip().generateAsync({ type: 'uint8array' }));
  for (const seed of seeds) {
    for (const extension of EXTENSIONS) {
      if (extension === seed.extension) continue;
      add(
        `${seed.name} as .${extension}`,
        `${baseName(seed.name).slice(0, 40)}.${extension}`,
        seed.bytes,
      );
    }
  }
  const big = options.bigBytes;
  const line = options.lineBytes;
  add('nested divs', 'nested-divs.html', utf8(nested('<div>', options.nestedDivBytes)));
  add('nested divs in a page', 'nested-page.htm', utf8(`<html><body>${nested('<div>', big)}`));
  add('nested spans', 'nested-spans.xhtml', utf8(nested('<span>a', big)));
  add('nested tables', 'nested-tables.html', utf8(nested('<table><tr><td>', big)));
  add('nested lists', 'nested-lists.html', utf8(nested('<ul><li>', big)));
  add('nested blockquotes', 'nested-quotes.html', utf8(nested('<blockquote>', big)));
  const ladder = `${'<div>'.repeat(500)}x${'</div>'.repeat(500)}`;
  add('div ladder 500 deep', 'ladder.html', utf8(ladder.repeat(Math.floor(big / ladder.length))));
  add('nested divs as Markdown', 'nested-divs.md', utf8(nested('<div>', big)));
  add('single line of words', 'line.txt', utf8('word '.repeat(line / 5)));
  add('single line of words', 'line.md', utf8('word '.repeat(line / 5)));
  add('single line of words', 'line.html', utf8('word '.repeat(line / 5)));
  add('single line, no spaces', 'oneword.txt', utf8('a'.repeat(line)));
  add('only newlines', 'newlines.txt', utf8('\n'.repeat(line)));
  add('only form feeds', 'formfeeds.txt', utf8('a\f'.repeat(big / 2)));
  add('headings only', 'headings.md', utf8('# h\n'.repeat(big / 4)));
  add(
    'distinct headings',
    'distinct.md',
    utf8(Array.from({ length: big / 10 }, (_, i) => `# h${i}\n`).join('')),
  );
  add('heading chain', 'headings.txt', utf8('I. INTRODUCTION\n\n'.repeat(big / 17)));
  add('emphasis openers', 'stars.md', utf8('*a'.repeat(big / 2)));
  add('underscore openers', 'underscores.txt', utf8('_a'.repeat(big / 2)));
  add('bold markers', 'bold.txt', utf8('**a'.repeat(big / 3)));
  add('link openers', 'brackets.md', utf8('[a'.repeat(big / 2)));
  add('link destinations', 'links.md', utf8('[a](b'.repeat(big / 5)));
  add('footnote references', 'footnotes.md', utf8('a[^1] '.repeat(big / 6) + '\n\n[^1]: x\n'));
  add('nested quotes', 'quotes.md', utf8('> '.repeat(big / 2) + 'a'));
  add('nested lists', 'lists.md', utf8('- '.repeat(big / 2) + 'a'));
  add(
    'indented list ladder',
    'ladder.md',
    utf8(Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i * 2)}- a`).join('\n')),
  );
  add('wide table', 'table.md', utf8(`${'|a'.repeat(big / 4)}|\n${'|-'.repeat(line / 4)}|\n`));
  add('many table rows', 'rows.md', utf8(`|a|b|\n|-|-|\n${'|1|2|\n'.repeat(big / 6)}`));
  add(
    'YAML alias bomb',
    'yaml.md',
    utf8(
      `---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ntitle: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n---\nText.\n`,
    ),
  );
  add('YAML deep nesting', 'yamldeep.qmd', utf8(`---\ntitle: ${'['.repeat(50_000)}\n---\nText.\n`));
  add(
    'YAML with odd types',
    'yamltypes.md',
    utf8('---\ntitle: 12\ndate: [1]\nauthor: {a: 1}\nlang: null\n---\nText.\n'),
  );
  add('combining marks', 'marks.txt', utf8(`a${'\u0301'.repeat(big / 2)}`));
  add('bidi controls only', 'bidi.txt', utf8('\u202e\u2066'.repeat(big / 6)));
  add(
    'lone surrogates in entities',
    'surrogates.html',
    utf8('<p>&#xD800;&#xDFFF;&#0;&#x110000;</p>'.repeat(1000)),
  );
  add(
    'many footnote links',
    'fn.html',
    utf8(
      Array.from({ length: 5000 }, (_, i) => `<p>t<a href="#fn${i}">${i}</a></p>`).join('') +
        Array.from({ length: 5000 }, (_, i) => `<p id="fn${i}">note</p>`).join(''),
    ),
  );
  add('many headings', 'headings.html', utf8('<h2>h</h2><p>p</p>'.repeat(big / 18)));
  add(
    'Word: deeply nested tables',
    'nestedtables.docx',
    await zipDocx(
      '<w:tbl><w:tr><w:tc>'.repeat(5000) +
        '<w:p><w:r><w:t>x</w:t></w:r></w:p>' +
        '</w:tc></w:tr></w:tbl>'.repeat(5000),
    ),
  );
  add(
    'Word: unclosed styles',
    'styles.docx',
    await zipDocx(
      docxParagraph('x'),
      `<w:styles ${W}>${'<w:style w:type="paragraph" w:styleId="a">'.repeat(20_000)}</w:styles>`,
    ),
  );
  add(
    'Word: style names with quotes',
    'stylenames.docx',
    await zipDocx(
      docxParagraph('x', 'q'),
      `<w:styles ${W}><w:style w:type="paragraph" w:styleId="q"><w:name w:val="it's =&gt; h1 [x]"/><w:basedOn w:val="q"/><w:outlineLvl w:val="-3"/></w:style></w:styles>`,
    ),
  );
  add('Word: no body', 'nobody.docx', await zipDocx(''));
  add(
    'Word: 10 000 paragraphs',
    'paragraphs.docx',
    await zipDocx(docxParagraph('Body text.').repeat(10_000)),
  );
  for (const bomb of wordZipBombs()) add(bomb.label, bomb.fileName, bomb.bytes);
  add(
    'EPUB as .docx (a ZIP without a Word body)',
    'book.docx',
    seeds.find((s) => s.extension === 'epub')?.bytes ?? utf8('x'),
  );
  return cases;
}
