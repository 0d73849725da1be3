import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The Electron binary cannot run on this machine, so `electron` is replaced by a recorder of
// what the app's window code asks of it. tests/e2e/electron.spec.ts checks the same things in
// a real window where the binary is installed.
const electron = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; loaded: string[] }[],
  ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  dialogAnswer: 1,
  dialogCalls: [] as unknown[],
  opened: [] as string[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    static fromWebContents(): null {
      return null;
    }
    readonly loaded: string[] = [];
    constructor(options: Record<string, unknown>) {
      electron.windows.push({ options, loaded: this.loaded });
    }
    once(): void {}
    loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      return Promise.resolve();
    }
  }
  return {
    app: { getName: () => 'Briefmark' },
    BrowserWindow,
    dialog: {
      showMessageBox: (...args: unknown[]) => {
        electron.dialogCalls.push(args.at(-1));
        return Promise.resolve({ response: electron.dialogAnswer });
      },
      showMessageBoxSync: () => 0,
    },
    shell: {
      openExternal: (url: string) => {
        electron.opened.push(url);
        return Promise.resolve();
      },
    },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) =>
        electron.ipcHandlers.set(channel, handler),
      removeHandler: (channel: string) => electron.ipcHandlers.delete(channel),
    },
  };
});

const { createMainWindow } = await import('../../src/main/electron/createMainWindow');
const { hardenWebContents } = await import('../../src/main/electron/hardenWebContents');
const { denyPermissions } = await import('../../src/main/electron/denyPermissions');
const { registerApiHandler } = await import('../../src/main/electron/registerApiHandler');
const { APP_START_URL } = await import('../../src/main/electron/appOrigin');
const { CONTENT_SECURITY_POLICY } = await import('../../src/main/serving/contentSecurityPolicy');
const { API_CHANNEL } = await import('../../src/shared/channels');

/** A web contents as far as hardenWebContents uses it. */
class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
  /** Emits `name` with an event object; returns whether a listener prevented it. */
  attempt(name: string, url: string): boolean {
    let prevented = false;
    this.emit(name, { url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

// Lets the confirmation dialog's promise chain run out.
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const HOSTILE_ADDRESSES = [
  'javascript:alert(1)',
  'JaVaScRiPt:window.__pwned=1',
  'data:text/html,<script>window.__pwned=1</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'smb://attacker.example/share',
  'ms-msdt:/id PCWDiagnostic',
  'briefmark://brief/x/section/y#h-z',
  'app://briefmark/index.html',
  'not a url',
];

beforeEach(() => {
  electron.windows.length = 0;
  electron.ipcHandlers.clear();
  electron.dialogAnswer = 1;
  electron.dialogCalls.length = 0;
  electron.opened.length = 0;
});

describe('the reader window', () => {
  it('is isolated, sandboxed, without Node, and loads the app from app://, not file://', () => {
    createMainWindow({
      preloadPath: '/app/out/preload/index.cjs',
      startUrl: APP_START_URL,
      withDevTools: false,
    });
    const [window] = electron.windows;
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
    expect(window?.loaded).toEqual(['app://briefmark/index.html']);
  });
});

describe('navigation and new windows', () => {
  it('keeps the window on the app, and opens a web link outside only after the user agrees', async () => {
    const contents = new FakeContents();
    hardenWebContents(contents as never);

    expect(contents.attempt('will-navigate', 'https://example.org/report')).toBe(true);
    await settle();
    expect(electron.dialogCalls).toHaveLength(1);
    expect(electron.dialogCalls[0]).toMatchObject({ detail: 'https://example.org/report' });
    expect(electron.opened).toEqual([]); // the user chose Cancel

    electron.dialogAnswer = 0;
    expect(contents.attempt('will-navigate', 'mailto:analyst@example.org')).toBe(true);
    await settle();
    expect(electron.opened).toEqual(['mailto:analyst@example.org']);
  });

  it('never asks about, or opens, an address that is not http, https or mailto', async () => {
    const contents = new FakeContents();
    hardenWebContents(contents as never);
    electron.dialogAnswer = 0; // even a user who would click Open is never asked
    for (const address of HOSTILE_ADDRESSES) {
      expect(contents.attempt('will-navigate', address), address).toBe(true);
      expect(contents.openHandler?.({ url: address })).toEqual({ action: 'deny' });
    }
    await settle();
    expect(electron.dialogCalls).toEqual([]);
    expect(electron.opened).toEqual([]);
  });

  it('denies every new window, redirect and webview', async () => {
    const contents = new FakeContents();
    hardenWebContents(contents as never);
    expect(contents.openHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.attempt('will-redirect', 'https://example.org/')).toBe(true);
    expect(contents.attempt('will-attach-webview', 'https://example.org/')).toBe(true);
    await settle();
    // The window.open of a web address becomes the same confirmed offer as a clicked link.
    expect(electron.dialogCalls).toHaveLength(1);
  });
});

describe('permissions', () => {
  it('refuses every permission request and check', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (handler: never) => (handlers.request = handler),
      setPermissionCheckHandler: (handler: never) => (handlers.check = handler),
      setDevicePermissionHandler: (handler: never) => (handlers.device = handler),
    };
    denyPermissions(session as never);

    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const answers: boolean[] = [];
      (handlers.request as (...args: unknown[]) => void)({}, permission, (granted: boolean) =>
        answers.push(granted),
      );
      expect(answers, permission).toEqual([false]);
      expect((handlers.check as (...args: unknown[]) => boolean)({}, permission)).toBe(false);
    }
    expect((handlers.device as (...args: unknown[]) => boolean)({ deviceType: 'usb' })).toBe(false);
  });
});

describe('the API channel', () => {
  const dispatched: unknown[] = [];
  const dispatch = (method: unknown) => {
    dispatched.push(method);
    return Promise.resolve({ ok: true as const, value: 'answered' });
  };
  const call = (senderFrame: unknown) =>
    electron.ipcHandlers.get(API_CHANNEL)?.({ senderFrame }, 'briefs.list', {}) as Promise<{
      ok: boolean;
      error?: { code: string };
    }>;

  beforeEach(() => {
    dispatched.length = 0;
  });

  it('answers the app’s own top-level page and refuses every other sender', async () => {
    registerApiHandler(dispatch, undefined);
    expect(await call({ parent: null, url: 'app://briefmark/index.html' })).toEqual({
      ok: true,
      value: 'answered',
    });

    const strangers = [
      null,
      { parent: {}, url: 'app://briefmark/index.html' }, // a frame inside the page
      { parent: null, url: 'https://attacker.example/' },
      { parent: null, url: 'file:///etc/passwd' },
      { parent: null, url: 'app://elsewhere/index.html' },
      { parent: null, url: 'http://localhost:5173/' }, // a dev server the app did not start
    ];
    for (const frame of strangers) {
      const answer = await call(frame);
      expect(answer.ok, JSON.stringify(frame)).toBe(false);
      expect(answer.error?.code).toBe('invalid_request');
    }
    expect(dispatched).toEqual(['briefs.list']);
  });

  it('trusts the dev server’s origin only when the app runs from it', async () => {
    registerApiHandler(dispatch, 'http://localhost:5173/');
    expect((await call({ parent: null, url: 'http://localhost:5173/index.html' })).ok).toBe(true);
    expect((await call({ parent: null, url: 'http://localhost:5174/' })).ok).toBe(false);
  });
});

describe('Content-Security-Policy', () => {
  it('allows no inline script, no eval and no remote origin, on app:// and in the page', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((part) => {
        const [name = '', ...sources] = part.trim().split(/\s+/);
        return [name, sources] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    for (const [name, sources] of directives) {
      for (const source of sources) {
        expect(source, name).not.toMatch(/unsafe|https?:|\*|ws:|wss:/);
      }
    }
    // The page's own meta policy is the same, less frame-ancestors (which a meta cannot set).
    const html = readFileSync(join(__dirname, '..', '..', 'src', 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });
});
