import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli';
import { openLibrary } from '../../src/main/services/openLibrary';
import { sectionPlainText } from '../../src/shared/anchoring/sectionText';
import { parseExport } from './helpers/exportStructure';
import { corpusDir, sampleBriefPath, tempDbPath, tempDir } from './helpers/tempLibrary';

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

describe('briefmark export --sidecar and importing annotations files', () => {
  it('writes each brief’s annotations beside its Markdown file, without changing the app’s choices', async () => {
    const { db, ids } = await libraryWithBriefs();
    const folder = join(tempDir(), 'vault');
    const result = await cli(['export', '--all', '--out', folder, '--sidecar', '--db', db]);
    expect(result.code).toBe(0);
    const names = readdirSync(folder).sort();
    const markdown = names.filter((name) => name.endsWith('.md'));
    expect(markdown).toHaveLength(3);
    expect(names).toHaveLength(6);
    for (const name of markdown) {
      const sidecar = name.replace(/\.md$/, '.annotations.json');
      expect(names).toContain(sidecar);
      expect(result.stderr).toContain(`Wrote ${join(folder, sidecar)}`);
    }
    expect(result.stderr).toContain(`Exported 3 briefs to ${folder}`);
    const plain = JSON.parse(
      readFileSync(
        join(
          folder,
          "NATO DEFENCE MINISTERS' MEETING, 13-14 JUNE 2024 - KEY TAKEAWAYS.annotations.json",
        ),
        'utf8',
      ),
    );
    expect(plain['briefmark:briefId']).toBe(ids[0]);
    expect(plain.first.items.map((item: { motivation: string }) => item.motivation)).toEqual([
      'commenting',
    ]);
    const library = openLibrary({ dbPath: db, sampleBriefPath });
    expect(library.exportOptions()).toMatchObject({ sidecar: false, groupByRole: true });
    library.close();
  });

  it('writes one brief’s sidecar beside the file named, and refuses --sidecar without --out', async () => {
    const { db, ids } = await libraryWithBriefs();
    const file = join(tempDir(), 'mine.md');
    const single = await cli(['export', ids[0]!, '--out', file, '--sidecar', '--db', db]);
    expect(single.code).toBe(0);
    const sidecar = join(file, '..', 'mine.annotations.json');
    expect(single.stderr).toContain(`Exported the annotations to ${sidecar}`);
    expect(JSON.parse(readFileSync(sidecar, 'utf8')).type).toBe('AnnotationCollection');

    const printed = await cli(['export', ids[0]!, '--sidecar', '--db', db]);
    expect(printed.code).toBe(2);
    expect(printed.stderr).toContain('--sidecar needs --out PATH');
    expect(printed.stdout).toBe('');
  });

  it('restores an annotations file named with its brief, and says what it restored', async () => {
    const { db, ids } = await libraryWithBriefs();
    const folder = tempDir();
    await cli(['export', ids[0]!, '--out', folder, '--sidecar', '--db', db]);
    const sidecar = readdirSync(folder).find((name) => name.endsWith('.annotations.json'))!;
    const fresh = tempDbPath();
    // The annotations file first on the line: it is still restored after the brief.
    const restored = await cli(['import', join(folder, sidecar), sampleBriefPath, '--db', fresh]);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(
      /Restored 1 highlight and 0 notes to “NATO DEFENCE MINISTERS' MEETING, 13-14 JUNE 2024: KEY TAKEAWAYS”\./,
    );
    const library = openLibrary({ dbPath: fresh, sampleBriefPath });
    const [brief] = library.listBriefs();
    expect(library.highlights.list(brief!.id).map((h) => h.comment)).toEqual([
      'Check the communiqué',
    ]);
    library.close();

    const again = await cli(['import', join(folder, sidecar), '--json', '--db', fresh]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({
      briefId: brief!.id,
      title: SAMPLE_TITLE,
      highlightsRestored: 0,
      highlightsNotFound: 0,
      highlightsAlreadyThere: 1,
      notesRestored: 0,
      notesMerged: 0,
    });
  });

  it('tells to import the brief first when it is not in the library', async () => {
    const { db, ids } = await libraryWithBriefs();
    const folder = tempDir();
    await cli(['export', ids[0]!, '--out', folder, '--sidecar', '--db', db]);
    const sidecar = readdirSync(folder).find((name) => name.endsWith('.annotations.json'))!;
    const result = await cli(['import', join(folder, sidecar), '--db', tempDbPath()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('which is not in the library');
    expect(result.stderr).toContain('Import “sample-brief.txt” first');
  });

  it('describes --sidecar and annotations files in its help', async () => {
    const help = await cli(['--help']);
    expect(help.stdout).toContain('--sidecar');
    expect(help.stdout).toContain('.annotations.json');
  });
});
