import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../src/main/api/dispatch';
import { openLibrary } from '../../src/main/services/openLibrary';
import {
  DEFAULT_READER_SETTINGS,
  readerSettingsFrom,
  readerSettingsSchema,
  type ReaderSettings,
} from '../../src/shared/reader/readerSettings';
import { DEFAULT_ROLE_SETTINGS } from '../../src/shared/reader/roleSettings';
import { sampleBriefPath, tempDbPath } from './helpers/tempLibrary';

function open(dbPath: string) {
  const library = openLibrary({ dbPath, sampleBriefPath });
  return { library, dispatch: createDispatch(library) };
}

/** Writes the stored settings as an older version or a hand edit would have left them. */
function storeRaw(dbPath: string, value: unknown) {
  const db = new Database(dbPath);
  db.prepare(
    `INSERT INTO app_state (key, value) VALUES ('reader_settings', ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  ).run(JSON.stringify(value));
  db.close();
}

const renamed: ReaderSettings = {
  ...DEFAULT_READER_SETTINGS,
  roles: {
    ...DEFAULT_ROLE_SETTINGS,
    question: { label: 'Follow up', colour: 'teal' },
    action: { label: 'To do', colour: 'orange' },
  },
};

describe('highlight role settings', () => {
  it('keep renamed and recoloured roles across a restart', async () => {
    const dbPath = tempDbPath();
    const first = open(dbPath);
    expect(await first.dispatch('settings.save', { settings: renamed })).toEqual({
      ok: true,
      value: renamed,
    });
    first.library.close();
    const second = open(dbPath);
    expect(await second.dispatch('settings.get', {})).toEqual({ ok: true, value: renamed });
    second.library.close();
  });

  it('store names without the spaces around them', async () => {
    const { library, dispatch } = open(tempDbPath());
    const spaced = {
      ...renamed,
      roles: { ...renamed.roles, question: { label: '  Follow up \t', colour: 'teal' } },
    };
    const saved = await dispatch('settings.save', { settings: spaced });
    expect(saved).toEqual({ ok: true, value: renamed });
    library.close();
  });

  it('refuse an empty, overlong, multi-line or repeated name with a message that says why', async () => {
    const { library, dispatch } = open(tempDbPath());
    const withQuestion = (label: string) => ({
      ...DEFAULT_READER_SETTINGS,
      roles: { ...DEFAULT_ROLE_SETTINGS, question: { label, colour: 'blue' } },
    });
    const refusal = async (label: string) => {
      const result = await dispatch('settings.save', { settings: withQuestion(label) });
      expect(result.ok).toBe(false);
      return result.ok ? '' : `${result.error.code}: ${result.error.message}`;
    };
    expect(await refusal('   ')).toMatch(
      /^invalid_request: .*Give this highlight colour a name \(at settings\.roles\.question\.label\)/,
    );
    expect(await refusal('x'.repeat(41))).toMatch(/at most 40 characters \(this name has 41\)/);
    expect(await refusal('Two\nlines')).toMatch(/on one line/);
    // Case and spaces do not make a name different.
    expect(await refusal(' evidence ')).toMatch(
      /Another highlight colour is already called “evidence” \(at settings\.roles\.question\.label\)/,
    );
    // Nothing refused was stored.
    expect(await dispatch('settings.get', {})).toEqual({
      ok: true,
      value: DEFAULT_READER_SETTINGS,
    });
    const longest = await dispatch('settings.save', { settings: withQuestion('x'.repeat(40)) });
    expect(longest.ok).toBe(true);
    library.close();
  });

  it('refuse colours outside the palette and roles that do not exist', () => {
    const bad = (roles: unknown) =>
      readerSettingsSchema.safeParse({ ...DEFAULT_READER_SETTINGS, roles }).success;
    expect(bad({ ...DEFAULT_ROLE_SETTINGS, question: { label: 'Q', colour: '#ff0000' } })).toBe(
      false,
    );
    expect(bad({ ...DEFAULT_ROLE_SETTINGS, extra: { label: 'New', colour: 'teal' } })).toBe(false);
    const { action: _action, ...missing } = DEFAULT_ROLE_SETTINGS;
    expect(bad(missing)).toBe(false);
    expect(bad(DEFAULT_ROLE_SETTINGS)).toBe(true);
  });

  it('load settings saved before roles could be renamed with the default names and colours', async () => {
    const dbPath = tempDbPath();
    open(dbPath).library.close();
    storeRaw(dbPath, { theme: 'sepia', fontSize: 21, lineWidth: 'wide' });
    const { library, dispatch } = open(dbPath);
    expect(await dispatch('settings.get', {})).toEqual({
      ok: true,
      value: { theme: 'sepia', fontSize: 21, lineWidth: 'wide', roles: DEFAULT_ROLE_SETTINGS },
    });
    library.close();
  });

  it('fall back one damaged role, or one damaged field, and keep everything else', async () => {
    const dbPath = tempDbPath();
    open(dbPath).library.close();
    storeRaw(dbPath, {
      ...renamed,
      theme: 'dark',
      roles: {
        ...renamed.roles,
        'key-point': 'yellow',
        evidence: { label: '', colour: 'green' },
        disagree: { label: 'Push back', colour: 'magenta' },
      },
    });
    const { library, dispatch } = open(dbPath);
    expect(await dispatch('settings.get', {})).toEqual({
      ok: true,
      value: {
        ...renamed,
        theme: 'dark',
        roles: {
          'key-point': DEFAULT_ROLE_SETTINGS['key-point'],
          evidence: DEFAULT_ROLE_SETTINGS.evidence,
          question: { label: 'Follow up', colour: 'teal' },
          disagree: { label: 'Push back', colour: 'pink' },
          action: { label: 'To do', colour: 'orange' },
        },
      },
    });
    library.close();
  });

  it('never read back two roles with one name, even from a hand-edited file', () => {
    const labels = (value: unknown) =>
      Object.values(readerSettingsFrom({ roles: value }).roles).map((role) => role.label);
    // The later of two equal names gives way to its default.
    expect(
      labels({ ...DEFAULT_ROLE_SETTINGS, action: { label: 'QUESTION', colour: 'purple' } }),
    ).toEqual(['Key point', 'Evidence', 'Question', 'Disagree', 'Action']);
    // A default that would clash too: every name goes back, each chosen colour stays.
    const clash = readerSettingsFrom({
      roles: {
        ...DEFAULT_ROLE_SETTINGS,
        'key-point': { label: 'Evidence', colour: 'grey' },
        evidence: { label: 'EVIDENCE', colour: 'teal' },
        question: { label: 'Open issue', colour: 'orange' },
      },
    }).roles;
    expect(clash).toEqual({
      ...DEFAULT_ROLE_SETTINGS,
      'key-point': { label: 'Key point', colour: 'grey' },
      evidence: { label: 'Evidence', colour: 'teal' },
      question: { label: 'Question', colour: 'orange' },
    });
  });
});
