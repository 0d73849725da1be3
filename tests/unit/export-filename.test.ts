import { describe, expect, it } from 'vitest';
import { markdownFileName } from '../../src/main/export/markdownFileName';

// Invalid in a file name on Windows, or a path separator anywhere.
const INVALID_ON_ANY_SYSTEM = /[<>:"/\\|?*\p{Cc}]/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('markdownFileName', () => {
  it('names the sample brief after its title, readably', () => {
    expect(
      markdownFileName("NATO Defence Ministers' Meeting, 13-14 June 2024: Key Takeaways"),
    ).toBe("NATO Defence Ministers' Meeting, 13-14 June 2024 - Key Takeaways.md");
  });

  it('keeps titles in other scripts as they are', () => {
    expect(markdownFileName('الأثر الاقتصادي للصراع السوري')).toBe(
      'الأثر الاقتصادي للصراع السوري.md',
    );
    expect(markdownFileName('Україна: економічний огляд')).toBe('Україна - економічний огляд.md');
  });

  it('writes the same name for the same title however its accents are encoded', () => {
    expect(markdownFileName('Tchad : diagnostic syste\u0301matique')).toBe(
      markdownFileName('Tchad : diagnostic syst\u00e9matique'),
    );
    expect(markdownFileName('Tchad : diagnostic syst\u00e9matique')).toBe(
      'Tchad - diagnostic syst\u00e9matique.md',
    );
  });

  it.each([
    '../../etc/passwd',
    '..\\..\\Windows\\System32',
    'a<b>c:d"e/f\\g|h?i*j',
    'tab\there\nnew line\u0000nul\u001Fus\u007Fdel',
    'Brief: "quoted" #1 -- yes: no',
  ])('leaves no path separator or invalid character in %j', (title) => {
    const name = markdownFileName(title);
    expect(name).toMatch(/\.md$/);
    expect(name.slice(0, -3)).not.toMatch(INVALID_ON_ANY_SYSTEM);
    expect(name).not.toMatch(/^[.\s-]/);
  });

  it('keeps a path-like title from pointing outside the folder', () => {
    expect(markdownFileName('../../etc/passwd')).toBe('etc-passwd.md');
  });

  it('leaves out characters that break an Obsidian link to the file', () => {
    expect(markdownFileName('Brief #1 [draft] ^ref | v2')).toBe('Brief 1 (draft) ref - v2.md');
  });

  it('removes bidirectional controls that could disguise the extension', () => {
    expect(markdownFileName('report\u202Edm.exe')).toBe('reportdm.exe.md');
  });

  it.each([
    ['CON', 'CON_.md'],
    ['nul', 'nul_.md'],
    ['Com1', 'Com1_.md'],
    ['LPT9.notes', 'LPT9_.notes.md'],
    ['aux .draft', 'aux_.draft.md'],
    ['Console', 'Console.md'],
  ])('does not write a reserved Windows device name for %j', (title, expected) => {
    expect(markdownFileName(title)).toBe(expected);
  });

  it('drops trailing dots and spaces and collapses whitespace', () => {
    expect(markdownFileName('  Key   takeaways \u00A0 ...  ')).toBe('Key takeaways.md');
  });

  it.each(['', '   ', '...', '///', '\u0000\u0001', '?*<>'])(
    'falls back to "Untitled brief" for %j',
    (title) => {
      expect(markdownFileName(title)).toBe('Untitled brief.md');
    },
  );

  it('shortens a long title without splitting a character', () => {
    const emoji = '\u{1F6E1}\uFE0F'; // shield, two UTF-16 units plus a variation selector
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    for (let prefix = 95; prefix <= 100; prefix += 1) {
      const name = markdownFileName(`${'a'.repeat(prefix)}${emoji}${family} and more words`);
      const stem = name.slice(0, -3);
      expect(stem.length).toBeLessThanOrEqual(100);
      expect(stem).not.toMatch(LONE_SURROGATE);
      expect(stem.startsWith('a'.repeat(prefix))).toBe(true);
      // Either the whole emoji is kept or none of it.
      const rest = stem.slice(prefix);
      expect(['', emoji, `${emoji}${family}`]).toContain(rest);
    }
  });

  it('keeps a long title in a three-byte script within the 255-byte limit of Linux and macOS', () => {
    const name = markdownFileName('北大西洋公约组织国防部长会议'.repeat(20));
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(255);
    expect(name.startsWith('北大西洋公约组织')).toBe(true);
  });
});
