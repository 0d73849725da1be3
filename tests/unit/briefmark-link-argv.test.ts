import { describe, expect, it } from 'vitest';
import { briefmarkLinkFromArgv } from '../../src/main/electron/briefmarkLinkFromArgv';

const LINK =
  'briefmark://brief/0f8e1c52-3a7d-4b1e-9c0a-6d2f4e8b1a23/section/ii-allied-deterrence-and-defence#h-5b9d7e21-8c4f-4a6b-b1e2-3f7a9c0d4e56';

describe('briefmarkLinkFromArgv', () => {
  it('picks the link out of a launch by the operating system', () => {
    // Windows and Linux, packaged: the executable, perhaps a switch, then the clicked link.
    expect(briefmarkLinkFromArgv(['C:\\Program Files\\Briefmark\\Briefmark.exe', LINK])).toBe(LINK);
    // From source: Electron, the app's folder, then the link; Chromium may add switches after.
    expect(
      briefmarkLinkFromArgv([
        '/usr/lib/electron/electron',
        '/home/ana/briefmark',
        LINK,
        '--allow-file-access-from-files',
      ]),
    ).toBe(LINK);
  });

  it('takes a section id written with percent-encoded letters of any script', () => {
    const link = LINK.replace('ii-allied-deterrence-and-defence', 'd%C3%A9cisions');
    expect(briefmarkLinkFromArgv(['Briefmark', link])).toBe(link);
  });

  it('is null for a launch without a link, and passes over anything not strictly one', () => {
    expect(briefmarkLinkFromArgv([])).toBeNull();
    expect(briefmarkLinkFromArgv(['Briefmark', '--db', '/tmp/library.sqlite3'])).toBeNull();
    const almost = [
      'briefmark://evil',
      `${LINK}/`,
      ` ${LINK}`,
      `${LINK}&x=1`,
      LINK.replace('briefmark://', 'BRIEFMARK://'),
      LINK.replace('#h-', '?h='),
      'briefmark://brief/x/section/%2Fetc%2Fpasswd#h-y',
      `javascript:alert(1)//${LINK}`,
      `--open=${LINK}`,
      'https://example.org/#briefmark://brief/a/section/b#h-c',
    ];
    for (const arg of almost) {
      expect(briefmarkLinkFromArgv(['Briefmark', arg]), arg).toBeNull();
    }
  });

  it('takes the last link when a launch carries more than one', () => {
    const other = LINK.replace('ii-allied-deterrence-and-defence', 'decisions');
    expect(briefmarkLinkFromArgv(['Briefmark', LINK, 'briefmark://evil', other])).toBe(other);
  });
});
