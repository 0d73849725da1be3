import { describe, expect, it } from 'vitest';
import type { Block, BriefDocument, Inline } from '../../src/shared/model';
import { importBriefFile } from '../../src/main/import/importBriefFile';

// The attack inputs of design/security-and-reliability.md that an HTML file can carry.
const ATTACKS = `<!DOCTYPE html>
<html lang="en"><head>
<meta http-equiv="refresh" content="0;url=https://evil.example/">
<base href="https://evil.example/">
<link rel="stylesheet" href="https://evil.example/beacon.css">
<style>body { background: url(https://evil.example/css-beacon.png) }</style>
<script>window.__pwned=1</script>
<title>Attack page</title>
</head>
<body onload="window.__pwned=1">
<h2>Scripts and handlers</h2>
<p>Visible one.<script>window.__pwned=1</script></p>
<p>Visible two. <img src=x onerror="window.__pwned=1"> <svg onload="window.__pwned=1"><circle r="1"/></svg></p>
<details open ontoggle="window.__pwned=1"><summary>Visible three</summary>Details text</details>
<h2>Frames and objects</h2>
<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>
<iframe src="javascript:parent.__pwned=1"></iframe>
<embed src="https://evil.example/x.swf"><object data="https://evil.example/x.swf"></object>
<p>Visible four.</p>
<h2>Links</h2>
<p><a href="javascript:window.__pwned=1">JS link</a>
<a href="JaVaScRiPt:window.__pwned=1">Mixed case</a>
<a href="java&#x09;script:window.__pwned=1">Entity tab</a>
<a href="&#106;avascript:window.__pwned=1">Entity j</a>
<a href=" javascript:window.__pwned=1">Leading space</a>
<a href="data:text/html,<script>window.__pwned=1</script>">Data</a>
<a href="vbscript:msgbox(1)">VB</a>
<a href="file:///etc/passwd">File</a>
<a href="smb://evil.example/share">SMB</a>
<a href="ms-msdt:/id PCWDiagnostic">MSDT</a>
<a href="app://briefmark/library">App protocol</a>
<a href="../relative/page.html">Relative</a>
<a target="_blank" href="https://example.org/ok" onclick="window.open('https://evil.example')">Safe link</a>
<a href="mailto:press@example.org">Mail</a></p>
<h2>Mutation XSS</h2>
<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1"></style></mglyph></table></mtext></math>
<noscript><p title="</noscript><img src=x onerror=window.__pwned=1>"></p></noscript>
<pre><code class="language-<style/onload=window.__pwned=1>">code text</code></pre>
<h2>Forms and remote resources</h2>
<form action="https://evil.example"><button formaction="javascript:window.__pwned=1">Go</button><input value="typed"></form>
<p>Visible five.<img src="https://evil.example/pixel.gif"><img src="http://evil.example/pixel2.gif"></p>
<p style="background:url(https://evil.example/inline-beacon.png)">Visible six.</p>
</body></html>`;

function* inlinesOf(blocks: readonly Block[]): Generator<Inline> {
  for (const block of blocks) {
    if ('content' in block) yield* block.content;
    if (block.type === 'list') for (const item of block.items) yield* inlinesOf(item.blocks);
    if (block.type === 'quote') yield* inlinesOf(block.blocks);
    if (block.type === 'table')
      for (const row of block.rows) for (const cell of row) yield* cell.content;
  }
}

const linkOf = (doc: BriefDocument, text: string): string | null | undefined => {
  for (const inline of doc.sections.flatMap((s) => [...inlinesOf(s.blocks)])) {
    if (inline.type === 'text' && inline.text === text) {
      const link = inline.marks?.find((m) => m.type === 'link');
      return link?.type === 'link' ? link.href : undefined;
    }
  }
  throw new Error(`no text "${text}"`);
};

describe('importing a web page built from attack strings', () => {
  it('keeps the visible text and nothing that could run, load or navigate', async () => {
    const doc = await importBriefFile('attacks.html', new TextEncoder().encode(ATTACKS));
    const json = JSON.stringify(doc);
    for (const banned of [
      'javascript:',
      'vbscript:',
      'data:text',
      'file:',
      'smb:',
      'ms-msdt:',
      'app:',
      'onerror',
      'onload',
      'ontoggle',
      'onclick',
      '<script',
      '<img',
      '<style',
      '<svg',
      '<iframe',
      'srcdoc',
      '__pwned',
      'evil.example',
      'formaction',
    ]) {
      expect(json, banned).not.toContain(banned);
    }
    for (const visible of [
      'Visible one.',
      'Visible two.',
      'Visible three',
      'Visible four.',
      'Visible five.',
      'Visible six.',
      'code text',
    ]) {
      expect(json).toContain(visible);
    }
    expect(doc.sections.map((s) => s.heading)).toEqual([
      'Scripts and handlers',
      'Frames and objects',
      'Links',
      'Mutation XSS',
      'Forms and remote resources',
    ]);
    expect(doc.warnings?.join(' ')).toMatch(/images were not imported/);
  });

  it('reports frames and objects it dropped from a fragment', async () => {
    const fragment =
      '<p>Text around a video.</p><iframe src="https://video.example/embed"></iframe><object data="x.swf"></object>';
    const doc = await importBriefFile('fragment.html', new TextEncoder().encode(fragment));
    expect(doc.warnings).toEqual([
      '2 embedded items (frames, objects, media or forms) could not be carried over and were dropped.',
    ]);
    expect(JSON.stringify(doc)).not.toContain('video.example');
  });

  it('makes every unsafe link inert and keeps http, https and mailto', async () => {
    const doc = await importBriefFile('attacks.html', new TextEncoder().encode(ATTACKS));
    for (const text of [
      'JS link',
      'Mixed case',
      'Entity tab',
      'Entity j',
      'Leading space',
      'Data',
      'VB',
      'File',
      'SMB',
      'MSDT',
      'App protocol',
      'Relative',
    ]) {
      expect(linkOf(doc, text), text).toBeNull();
    }
    expect(linkOf(doc, 'Safe link')).toBe('https://example.org/ok');
    expect(linkOf(doc, 'Mail')).toBe('mailto:press@example.org');
  });
});
