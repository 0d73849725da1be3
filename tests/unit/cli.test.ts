import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli';
import { projectRoot, sampleBriefPath, tempDbPath, tempDir } from './helpers/tempLibrary';

describe('briefmark command line', () => {
  it('imports the sample brief and prints its sections and subsections as JSON', async () => {
    const db = tempDbPath();
    const result = await cli(['import', sampleBriefPath, '--json', '--db', db]);
    expect(result.code).toBe(0);
    const imported = JSON.parse(result.stdout) as {
      id: string;
      title: string;
      sections: { id: string; level: number; heading: string }[];
    };
    expect(Object.keys(imported)).toEqual(['id', 'title', 'sections']);
    const topLevel = imported.sections.filter((s) => s.level === 1).map((s) => s.heading);
    expect(topLevel).toEqual(
      expect.arrayContaining([
        'Focus of the Meetings',
        'Decisions',
        'I. PREDICTABLE AND COORDINATED SUPPORT FOR UKRAINE',
        'II. ALLIED DETERRENCE AND DEFENCE',
        "III. RESPONSE TO RUSSIA'S HOSTILE ACTIONS TOWARD ALLIES",
      ]),
    );
    const headings = imported.sections.map((s) => s.heading);
    const underII = headings.slice(
      headings.indexOf('II. ALLIED DETERRENCE AND DEFENCE') + 1,
      headings.indexOf("III. RESPONSE TO RUSSIA'S HOSTILE ACTIONS TOWARD ALLIES"),
    );
    expect(underII).toEqual([
      "Implementation of NATO's new defence plans",
      'Towards a new Defence Industrial Pledge',
      'NATO Nuclear Posture and Adaptation',
    ]);
  });

  it('lists, shows and exports from the library named by BRIEFMARK_DB', async () => {
    const env = { BRIEFMARK_DB: tempDbPath() };
    const { stdout } = await cli(['import', sampleBriefPath, '--json'], env);
    const { id } = JSON.parse(stdout) as { id: string };

    const list = await cli(['list', '--json'], env);
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({ id, reference: '128 SPE 24 E' }),
    ]);

    const show = await cli(['show', id], env);
    expect(show.stdout).toContain('Reference: 128 SPE 24 E');
    expect(show.stdout).toContain('NATO Nuclear Posture and Adaptation');

    const out = join(tempDir(), 'export.md');
    const exported = await cli(['export', id, '--out', out], env);
    expect(exported.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^---\ntitle: /);
  });

  it('reports a missing file and an unsupported file on stderr with a non-zero exit', async () => {
    const db = tempDbPath();
    const missing = await cli(['import', '/no/such/brief.txt', '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('/no/such/brief.txt: no such file.');
    expect(missing.stdout).toBe('');

    const unsupported = await cli(['import', join(projectRoot, 'package.json'), '--db', db]);
    expect(unsupported.code).toBe(1);
    expect(unsupported.stderr).toContain('package.json');
  });

  it('refuses a file over the size limit without reading it', async () => {
    const huge = join(tempDir(), 'huge.txt');
    writeFileSync(huge, '');
    truncateSync(huge, 500 * 1024 * 1024);
    const result = await cli(['import', huge, '--db', tempDbPath()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('huge.txt: larger than 50 MB, the most Briefmark imports.');
  });

  it('refuses an unknown command or brief with a clear message', async () => {
    const db = tempDbPath();
    expect(await cli(['frobnicate', '--db', db])).toMatchObject({ code: 2 });
    expect((await cli(['show', 'nope', '--db', db])).stderr).toMatch(/No brief with id “nope”/);
    expect((await cli(['list', '--bogus'])).stderr).toMatch(/Unknown option/i);
  });

  it('runs as `npx briefmark` from the checkout', async () => {
    const db = tempDbPath();
    const result = spawnSync('npx', ['--no-install', 'briefmark', 'list', '--json', '--db', db], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
    expect(existsSync(db)).toBe(true);
  });
});
