import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli';
import { openLibrary } from '../../src/main/services/openLibrary';
import { sectionPlainText } from '../../src/shared/anchoring/sectionText';
import { parseExport } from './helpers/exportStructure';
import { corpusDir, sampleBriefPath, tempDbPath, tempDir } from './helpers/tempLibrary';

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    env: {},
    sampleBriefPath,
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const SAMPLE_TITLE = "NATO DEFENCE MINISTERS' MEETING, 13-14 JUNE 2024: KEY TAKEAWAYS";

/**
 * A library file with three briefs, two of them with the same title (the sample, then a
 * reprint of it), highlights on the first and a note on the third.
 */
async function libraryWithBriefs() {
  const db = tempDbPath();
  const library = openLibrary({ dbPath: db, sampleBriefPath });
  const sampleText = readFileSync(sampleBriefPath, 'utf8');
  const first = await library.importFile('sample-brief.txt', Buffer.from(sampleText));
  const copy = await library.importFile(
    'sample-brief-copy.txt',
    Buffer.from(`${sampleText}\nReprinted with a corrected figure.\n`),
  );
  const english = 'worldbank-syrian-conflict-economic-impacts-note-english.txt';
  const third = await library.importFile(english, readFileSync(join(corpusDir, english)));
  const section = library.getBrief(first.id).sections.find((s) => s.id === 'decisions')!;
  const text = sectionPlainText(section);
  library.highlights.create(
    first.id,
    [{ sectionId: section.id, start: 0, end: text.indexOf(':') + 1 }],
    'key-point',
    'Check the communiqué',
  );
  const thirdSection = library.getBrief(third.id).sections[1]!;
  library.saveNote(third.id, thirdSection.id, {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Compare with 2016.' }] }],
  });
  // The app's remembered choices do not reach the command line.
  library.exportMarkdown(first.id, { groupByRole: true, includeAllSections: true });
  library.close();
  return { db, ids: [first.id, copy.id, third.id] };
}

const withoutTimestamp = (markdown: string) => markdown.replace(/^exported: .*$/m, 'exported:');

describe('briefmark export --all', () => {
  it('writes one file per brief into a new folder, and the same files again on re-export', async () => {
    const { db, ids } = await libraryWithBriefs();
    const folder = join(tempDir(), 'vault', 'Briefs');

    const first = await cli(['export', '--all', '--out', folder, '--db', db]);
    expect(first).toMatchObject({ code: 0, stdout: '' });
    const names = readdirSync(folder).sort();
    expect(names).toHaveLength(3);
    const [firstId, copyId] = ids;
    const shortCopy = copyId!.replace(/-/g, '').slice(0, 8);
    expect(names).toContain("NATO DEFENCE MINISTERS' MEETING, 13-14 JUNE 2024 - KEY TAKEAWAYS.md");
    expect(names).toContain(
      `NATO DEFENCE MINISTERS' MEETING, 13-14 JUNE 2024 - KEY TAKEAWAYS (${shortCopy}).md`,
    );
    for (const name of names) expect(first.stderr).toContain(`Wrote ${join(folder, name)}`);
    expect(first.stderr).toContain(`Exported 3 briefs to ${folder}`);

    const contents = new Map(names.map((name) => [name, readFileSync(join(folder, name), 'utf8')]));
    // The brief imported first keeps the plain name, and has the highlight.
    const plain = contents.get(
      "NATO DEFENCE MINISTERS' MEETING, 13-14 JUNE 2024 - KEY TAKEAWAYS.md",
    )!;
    const parsed = parseExport(plain);
    expect(parsed.frontMatter.title).toBe(SAMPLE_TITLE);
    expect(parsed.highlights.map((h) => [h.link.briefId, h.comment])).toEqual([
      [firstId, 'Check the communiqué'],
    ]);
    // Default options, whatever the app last used: no role headings, no empty sections.
    expect(parsed.headings.map(([, text]) => text)).toEqual([SAMPLE_TITLE, 'Decisions']);

    const again = await cli(['export', '--all', '--out', folder, '--db', db]);
    expect(again.code).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(names);
    for (const name of names) {
      expect(withoutTimestamp(readFileSync(join(folder, name), 'utf8'))).toBe(
        withoutTimestamp(contents.get(name)!),
      );
    }
  });

  it('replaces a file already there whole, and leaves no temporary files', async () => {
    const { db } = await libraryWithBriefs();
    const folder = tempDir();
    const target = join(
      folder,
      "NATO DEFENCE MINISTERS' MEETING, 13-14 JUNE 2024 - KEY TAKEAWAYS.md",
    );
    writeFileSync(target, 'old export\n'.repeat(10_000));
    expect((await cli(['export', '--all', '--out', folder, '--db', db])).code).toBe(0);
    const markdown = readFileSync(target, 'utf8');
    expect(markdown.startsWith('---\ntitle: ')).toBe(true);
    expect(markdown).not.toContain('old export');
    expect(
      readdirSync(folder).filter((name) => name.startsWith('.') || name.endsWith('.tmp')),
    ).toEqual([]);
  });

  it('adds each section’s text with --full-text', async () => {
    const { db } = await libraryWithBriefs();
    const folder = tempDir();
    expect((await cli(['export', '--all', '--out', folder, '--full-text', '--db', db])).code).toBe(
      0,
    );
    const plain = readFileSync(
      join(folder, "NATO DEFENCE MINISTERS' MEETING, 13-14 JUNE 2024 - KEY TAKEAWAYS.md"),
      'utf8',
    );
    expect(plain).toContain(
      '## Decisions\n\nDefence ministers endorsed:\\\nNATO Security Assistance',
    );
  });

  it('writes a single brief into a folder under the name --all gives it', async () => {
    const { db, ids } = await libraryWithBriefs();
    const folder = tempDir();
    const single = await cli(['export', ids[1]!, '--out', folder, '--db', db]);
    expect(single.code).toBe(0);
    const [name] = readdirSync(folder);
    expect(name).toMatch(/KEY TAKEAWAYS \([0-9a-f]{8}\)\.md$/);
    expect(single.stderr).toBe(`Exported to ${join(folder, name!)}`);
    await cli(['export', '--all', '--out', folder, '--db', db]);
    expect(readdirSync(folder)).toHaveLength(3);
  });

  it('still prints one brief to stdout, or writes it to the file named', async () => {
    const { db, ids } = await libraryWithBriefs();
    const printed = await cli(['export', ids[0]!, '--db', db]);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/^---\ntitle: /);
    const file = join(tempDir(), 'mine.md');
    expect((await cli(['export', ids[0]!, '--out', file, '--db', db])).code).toBe(0);
    expect(withoutTimestamp(readFileSync(file, 'utf8'))).toBe(
      withoutTimestamp(`${printed.stdout}\n`),
    );
  });

  it('refuses --all without a folder, with an id, or into a file', async () => {
    const { db, ids } = await libraryWithBriefs();
    const noFolder = await cli(['export', '--all', '--db', db]);
    expect(noFolder.code).toBe(2);
    expect(noFolder.stderr).toContain('--all needs --out FOLDER');
    expect((await cli(['export', ids[0]!, '--all', '--out', tempDir(), '--db', db])).code).toBe(2);
    const file = join(tempDir(), 'a-file.md');
    writeFileSync(file, '');
    const intoFile = await cli(['export', '--all', '--out', file, '--db', db]);
    expect(intoFile.code).toBe(1);
    expect(intoFile.stderr).toContain('is a file, not a folder');
  });

  it('says so when the library is empty', async () => {
    const folder = join(tempDir(), 'new');
    const result = await cli(['export', '--all', '--out', folder, '--db', tempDbPath()]);
    expect(result).toMatchObject({ code: 0, stderr: 'The library is empty: nothing to export.' });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('describes export --all and --full-text in its help', async () => {
    const help = await cli(['--help']);
    expect(help.stdout).toContain('export --all --out FOLDER');
    expect(help.stdout).toContain('--full-text');
  });
});
