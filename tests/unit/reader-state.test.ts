import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../src/main/api/dispatch';
import { openLibrary } from '../../src/main/services/openLibrary';
import { DEFAULT_READER_SETTINGS } from '../../src/shared/reader/readerSettings';
import { sampleBriefPath, tempDbPath } from './helpers/tempLibrary';

function open(dbPath: string) {
  const library = openLibrary({ dbPath, sampleBriefPath });
  return { library, dispatch: createDispatch(library) };
}

describe('reading position', () => {
  it('is remembered per brief across a restart', async () => {
    const dbPath = tempDbPath();
    const first = open(dbPath);
    const { openBriefId } = await first.library.welcome();
    const briefId = openBriefId!;
    expect(await first.dispatch('reading.position', { briefId })).toEqual({
      ok: true,
      value: null,
    });

    const section = first.library.getBrief(briefId).sections[5]!;
    const saved = await first.dispatch('reading.savePosition', {
      briefId,
      position: { sectionId: section.id, offset: 0.4 },
    });
    expect(saved.ok).toBe(true);
    await first.dispatch('reading.savePosition', {
      briefId,
      position: { sectionId: section.id, offset: 0.6 },
    });
    first.library.close();

    const second = open(dbPath);
    expect(await second.dispatch('reading.position', { briefId })).toEqual({
      ok: true,
      value: { sectionId: section.id, offset: 0.6 },
    });
    second.library.close();
  });

  it('refuses a section the brief does not have, or an offset outside the section', async () => {
    const { library, dispatch } = open(tempDbPath());
    const briefId = (await library.welcome()).openBriefId!;
    const unknown = await dispatch('reading.savePosition', {
      briefId,
      position: { sectionId: 'no-such-section', offset: 0 },
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const sectionId = library.getBrief(briefId).sections[0]!.id;
    const beyond = await dispatch('reading.savePosition', {
      briefId,
      position: { sectionId, offset: 1.5 },
    });
    expect(beyond).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await dispatch('reading.position', { briefId })).toEqual({ ok: true, value: null });
    library.close();
  });
});

describe('reader settings', () => {
  it('start at the defaults and keep what the user chose after a restart', async () => {
    const dbPath = tempDbPath();
    const first = open(dbPath);
    expect(await first.dispatch('settings.get', {})).toEqual({
      ok: true,
      value: DEFAULT_READER_SETTINGS,
    });
    const chosen = {
      ...DEFAULT_READER_SETTINGS,
      theme: 'sepia',
      fontSize: 21,
      lineWidth: 'wide',
    } as const;
    expect(await first.dispatch('settings.save', { settings: chosen })).toEqual({
      ok: true,
      value: chosen,
    });
    first.library.close();

    const second = open(dbPath);
    expect(await second.dispatch('settings.get', {})).toEqual({ ok: true, value: chosen });
    second.library.close();
  });

  it('refuse values out of range, and read a damaged stored value as the defaults', async () => {
    const dbPath = tempDbPath();
    const { library, dispatch } = open(dbPath);
    const huge = await dispatch('settings.save', {
      settings: { ...DEFAULT_READER_SETTINGS, theme: 'light', fontSize: 400 },
    });
    expect(huge).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const unknownTheme = await dispatch('settings.save', {
      settings: { ...DEFAULT_READER_SETTINGS, theme: 'neon' },
    });
    expect(unknownTheme).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    library.close();

    // A value written by hand or by a future version: what is valid is kept, the rest defaults.
    const db = new Database(dbPath);
    db.prepare(`INSERT INTO app_state (key, value) VALUES ('reader_settings', ?)`).run(
      JSON.stringify({ theme: 'dark', fontSize: 'big', columns: 2 }),
    );
    db.close();
    const reopened = open(dbPath);
    expect(await reopened.dispatch('settings.get', {})).toEqual({
      ok: true,
      value: { ...DEFAULT_READER_SETTINGS, theme: 'dark' },
    });
    reopened.library.close();
  });
});
