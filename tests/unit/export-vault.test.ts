import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli';
import { openLibrary } from '../../src/main/services/openLibrary';
import { parseBriefmarkHref } from '../../src/shared/briefmarkLink';
import type { Highlight } from '../../src/shared/highlights';
import { annotatedCorpusBrief, annotatedSample } from './helpers/annotatedLibrary';
import { parseExport } from './helpers/exportStructure';
import { sampleBriefPath, tempDbPath, tempDir } from './helpers/tempLibrary';

const ARABIC = 'worldbank-syrian-conflict-economic-impacts-note-arabic.txt';
const WORD = 'alga-2025-financial-assistance-grants-policy-brief.docx';

async function exportAll(db: string, folder: string) {
  const err: string[] = [];
  const code = await runCli(['export', '--all', '--out', folder, '--sidecar', '--db', db], {
    stdout: () => undefined,
    stderr: (text) => err.push(text),
    env: {},
    sampleBriefPath,
  });
  expect(code, err.join('\n')).toBe(0);
  return readdirSync(folder).sort();
}

/** Three annotated briefs, one with a title in Arabic script, and what they hold. */
async function vaultLibrary() {
  const db = tempDbPath();
  const library = openLibrary({ dbPath: db, sampleBriefPath });
  const ids = [
    await annotatedSample(library),
    await annotatedCorpusBrief(library, WORD),
    await annotatedCorpusBrief(library, ARABIC),
  ];
  const titles = ids.map((id) => library.getBrief(id).title);
  const highlights = new Map<string, Highlight>(
    ids.flatMap((id) => library.highlights.list(id)).map((h) => [h.id, h]),
  );
  library.close();
  return { db, ids, titles, highlights };
}

describe('exporting the library into an Obsidian-style vault', () => {
  it('writes Markdown whose block ids and links Obsidian and Briefmark can follow, with each sidecar beside it', async () => {
    const { db, ids, titles, highlights } = await vaultLibrary();
    expect(titles[2]).toMatch(/\p{Script=Arabic}/u);
    const folder = join(tempDir(), 'Vault', 'Briefs');
    const names = await exportAll(db, folder);

    const markdownNames = names.filter((name) => name.endsWith('.md'));
    expect(markdownNames).toHaveLength(3);
    expect(markdownNames.some((name) => /\p{Script=Arabic}/u.test(name))).toBe(true);
    expect(new Set(names.map((name) => name.normalize('NFC').toLowerCase())).size).toBe(
      names.length,
    );
    expect(names.filter((name) => name.endsWith('.annotations.json'))).toEqual(
      markdownNames.map((name) => name.replace(/\.md$/, '.annotations.json')).sort(),
    );

    const exportedBriefs = new Set<string>();
    for (const name of markdownNames) {
      const markdown = readFileSync(join(folder, name), 'utf8');
      const parsed = parseExport(markdown);
      const briefId = parsed.highlights[0]!.link.briefId;
      exportedBriefs.add(briefId);
      const ofBrief = [...highlights.values()].filter((h) => h.briefId === briefId);
      expect(parsed.highlights, name).toHaveLength(ofBrief.length);

      // Block ids: at the end of the quote's last line, after a space, in Obsidian's syntax.
      const lines = markdown.split('\n');
      const blockIds: string[] = [];
      lines.forEach((line, index) => {
        const match = / \^([^\s^]+)$/.exec(line);
        if (!match) return;
        expect(line.startsWith('>'), line).toBe(true);
        expect(lines[index + 1]?.startsWith('>') ?? false, line).toBe(false);
        expect(match[1]).toMatch(/^[A-Za-z0-9-]+$/);
        blockIds.push(match[1]!);
      });
      expect(blockIds.sort()).toEqual(parsed.highlights.map((h) => h.blockId).sort());
      expect(new Set(blockIds).size).toBe(ofBrief.length);

      // Every briefmark:// link, from a quote or from a note, names a highlight where it is.
      const hrefs = markdown.match(/briefmark:\/\/[^\s)>\]]+/g) ?? [];
      expect(hrefs.length).toBeGreaterThanOrEqual(ofBrief.length);
      for (const href of hrefs) {
        const link = parseBriefmarkHref(href);
        expect(link, href).not.toBeNull();
        const highlight = highlights.get(link!.highlightId);
        expect(highlight, href).toBeDefined();
        expect(highlight!.briefId).toBe(link!.briefId);
        expect(highlight!.anchor.sectionId).toBe(link!.sectionId);
      }

      // The sidecar beside it is the same brief's.
      const sidecar = JSON.parse(
        readFileSync(join(folder, name.replace(/\.md$/, '.annotations.json')), 'utf8'),
      );
      expect(sidecar['briefmark:briefId']).toBe(briefId);
      const sidecarIds = sidecar.first.items
        .map((item: { id: string }) => item.id)
        .filter((id: string) => id.startsWith('urn:uuid:'));
      expect(sidecarIds.sort()).toEqual(ofBrief.map((h) => `urn:uuid:${h.id}`).sort());
    }
    expect([...exportedBriefs].sort()).toEqual([...ids].sort());

    // Exported again: the same files, nothing added beside them.
    expect(await exportAll(db, folder)).toEqual(names);
  });
});
