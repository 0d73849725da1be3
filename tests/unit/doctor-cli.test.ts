import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli';
import { openLibrary } from '../../src/main/services/openLibrary';
import type { NoteDoc } from '../../src/shared/model';
import { highlightPhrase } from './helpers/annotatedLibrary';
import { corruptPages, rootPagesOf } from './helpers/corruptPages';
import { projectRoot, sampleBriefPath, tempDbPath } from './helpers/tempLibrary';

const secondEditionPath = join(projectRoot, 'tests', 'fixtures', 'sample-brief-edition-2.txt');

const noteDoc = (text: string): NoteDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/**
 * The sample brief with two highlights and two notes, replaced by its second edition, which
 * drops the passage of one highlight.
 */
async function libraryWithEditions(dbPath = tempDbPath()) {
  const library = openLibrary({ dbPath, sampleBriefPath, dailyBackupDelayMs: 86_400_000 });
  const first = await library.importFile('sample-brief.txt', readFileSync(sampleBriefPath));
  const brief = library.getBrief(first.id);
  const inSection = (phrase: string) =>
    brief.sections.find((section) =>
      section.blocks.some((block) => JSON.stringify(block).includes(phrase)),
    )!.id;
  const kept = 'These show 23 Allies meeting the 2% target in 2024';
  const dropped = "2024's Steadfast Defender included 90,000 troops across Europe";
  highlightPhrase(library, first.id, inSection(kept), kept, 'evidence');
  highlightPhrase(library, first.id, inSection(dropped), dropped, 'question');
  library.saveNote(first.id, null, noteDoc('Compare with the Vilnius communiqué.'));
  library.saveNote(first.id, inSection(kept), noteDoc('Ask about the 2% figures.'));
  const second = await library.importFile(
    'sample-brief-edition-2.txt',
    readFileSync(secondEditionPath),
  );
  library.editions.adopt(second.id, first.id);
  const sections = brief.sections.length + library.getBrief(second.id).sections.length;
  library.close();
  return { dbPath, sections };
}

describe('briefmark doctor', () => {
  it('reports a healthy library with what it holds, and exits 0', async () => {
    const { dbPath, sections } = await libraryWithEditions();
    await cli(['backup', '--db', dbPath]);

    const json = await cli(['doctor', '--json', '--db', dbPath]);
    expect(json.code).toBe(0);
    const diagnosis = JSON.parse(json.stdout);
    expect(diagnosis).toMatchObject({
      library: dbPath,
      healthy: true,
      problems: [],
      schemaVersion: diagnosis.latestSchemaVersion,
      counts: {
        briefs: 2,
        supersededEditions: 1,
        sections,
        // Carried over to the newer edition, not copied.
        highlights: 2,
        highlightsNotFound: 1,
        notes: 2,
      },
      backups: { count: 1, newest: { reason: 'manual', passesCheck: true } },
    });
    expect(diagnosis.fileBytes).toBeGreaterThan(0);

    const text = await cli(['doctor', '--db', dbPath]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Briefs: 2 (of them 1 superseded edition)');
    expect(text.stdout).toContain('Highlights: 2 (of them 1 not found)');
    expect(text.stdout).toMatch(
      /Backups: 1 in .*backups; the newest is library-.*-manual\.sqlite3/,
    );
    expect(text.stdout).toContain('The library is healthy.');
  });

  it('reports damage, each problem on its own line, and exits 1', async () => {
    const { dbPath } = await libraryWithEditions();
    corruptPages(dbPath, rootPagesOf(dbPath, ['highlights']));

    const result = await cli(['doctor', '--db', dbPath]);
    expect(result.code).toBe(1);
    const problems = result.stdout.split('\n').filter((line) => line.startsWith('The integrity'));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^The integrity check found damage: .+\.$/);
    expect(result.stdout).not.toContain('healthy');

    const json = JSON.parse((await cli(['doctor', '--json', '--db', dbPath])).stdout);
    expect(json.healthy).toBe(false);
    expect(json.problems.length).toBe(problems.length);
  });

  it('says there is no library where there is none', async () => {
    const result = await cli(['doctor', '--db', tempDbPath()]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/There is no library at .*library\.sqlite3\./);
  });
});

describe('briefmark backup and restore', () => {
  it('backs up, lists the backups numbered and restores one by its number', async () => {
    const dbPath = tempDbPath();
    const library = openLibrary({ dbPath, sampleBriefPath, dailyBackupDelayMs: 86_400_000 });
    const { id } = await library.importFile('sample-brief.txt', readFileSync(sampleBriefPath));
    library.saveNote(id, null, noteDoc('Before the backup.'));
    library.close();

    const backup = await cli(['backup', '--db', dbPath]);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/^\/.*\/backups\/library-.*-manual\.sqlite3$/);
    expect(readdirSync(join(dirname(dbPath), 'backups'))).toEqual([
      backup.stdout.split('/').at(-1),
    ]);

    const changed = openLibrary({ dbPath, sampleBriefPath, dailyBackupDelayMs: 86_400_000 });
    changed.saveNote(id, null, noteDoc('After the backup.'));
    changed.close();

    const listed = await cli(['restore', '--db', dbPath]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(
      /^1 {2}\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC {2}manual {2}.* KB {2}passes its check {2}library-.*-manual\.sqlite3$/m,
    );

    const restored = await cli(['restore', '1', '--db', dbPath]);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain(`Restored ${backup.stdout} into ${dbPath}.`);
    expect(restored.stdout).toMatch(/saved as .*-before-restore\.sqlite3; restore that to undo/);
    const reopened = openLibrary({ dbPath, sampleBriefPath, dailyBackupDelayMs: 86_400_000 });
    expect(JSON.stringify(reopened.listNotes(id))).toContain('Before the backup.');
    reopened.close();

    const after = await cli(['restore', '--db', dbPath]);
    expect(after.stdout.split('\n').filter((line) => /^\d/.test(line))).toHaveLength(2);
    expect(after.stdout).toMatch(/^1 .* before-restore .*$/m);
  });

  it('offers the newest good backup when a command finds the library damaged', async () => {
    const dbPath = tempDbPath();
    await cli(['import', sampleBriefPath, '--db', dbPath]);
    const backupPath = (await cli(['backup', '--db', dbPath])).stdout;
    corruptPages(dbPath, rootPagesOf(dbPath, ['sections']));

    const list = await cli(['list', '--db', dbPath]);
    expect(list.code).toBe(1);
    expect(list.stderr).toContain('is damaged');
    expect(list.stderr).toContain(`briefmark restore "${backupPath}"`);
  });

  it('refuses a number that is not in the list', async () => {
    const dbPath = tempDbPath();
    await cli(['import', sampleBriefPath, '--db', dbPath]);
    const result = await cli(['restore', '3', '--db', dbPath]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('There are no backups in');
  });
});
