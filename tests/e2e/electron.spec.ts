import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  _electron as electron,
  type ElectronApplication,
  expect,
  type Page,
  test,
} from '@playwright/test';
import { openSectionNote } from './helpers/openSectionNote';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const hasElectronBinary = existsSync(join(projectRoot, 'node_modules', 'electron', 'path.txt'));

const SKIP_REASON =
  'Electron binary not installed on this machine (node_modules/electron/path.txt missing); desktop specs skipped';
test.skip(!hasElectronBinary, SKIP_REASON);
if (!hasElectronBinary && !process.env.TEST_WORKER_INDEX) console.log(SKIP_REASON);

/** What the page's global object may hold; page.evaluate bodies run in the renderer. */
interface RendererGlobals {
  briefmark?: Record<string, unknown> & {
    invoke: (method: string, request: unknown) => Promise<unknown>;
  };
  require?: unknown;
  process?: unknown;
  module?: unknown;
  open: (url: string) => unknown;
  location: { href: string };
}

const TITLE = /NATO DEFENCE MINISTERS' MEETING, 13-14 JUNE 2024/i;
const SECTION_II = 'II. ALLIED DETERRENCE AND DEFENCE';

let scratch = '';
let sqliteBinding = '';

test.beforeAll(() => {
  expect(
    existsSync(join(projectRoot, 'out', 'main', 'index.js')),
    'run `electron-vite build` first',
  ).toBe(true);
  // The desktop app needs better-sqlite3 built for Electron's ABI; this builds it once.
  const prepared = spawnSync(
    process.execPath,
    [join(projectRoot, 'scripts', 'electronSqlite.mjs')],
    {
      cwd: projectRoot,
      encoding: 'utf8',
    },
  );
  expect(prepared.status, prepared.stderr).toBe(0);
  sqliteBinding = prepared.stdout.trim();
});

test.beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'briefmark-electron-'));
});

test.afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
});

async function launch(): Promise<{ app: ElectronApplication; page: Page }> {
  // Chromium refuses to run as root with its OS sandbox (containers on CI run as root).
  const runningAsRoot = process.platform === 'linux' && process.getuid?.() === 0;
  const app = await electron.launch({
    args: [projectRoot, ...(runningAsRoot ? ['--no-sandbox'] : [])],
    cwd: projectRoot,
    env: {
      ...process.env,
      BRIEFMARK_DB: join(scratch, 'library.sqlite3'),
      BRIEFMARK_USER_DATA_DIR: join(scratch, 'profile'),
      BRIEFMARK_SQLITE_BINDING: sqliteBinding,
    },
  });
  const page = await app.firstWindow();
  return { app, page };
}

test('opens the sample brief in a locked-down window served from app://', async () => {
  const { app, page } = await launch();
  try {
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    expect(page.url()).toMatch(/^app:\/\/briefmark\//);

    const exposed = await page.evaluate(() => {
      const renderer = globalThis as unknown as RendererGlobals;
      return {
        keys: renderer.briefmark ? Object.keys(renderer.briefmark) : null,
        invokeType: typeof renderer.briefmark?.invoke,
        require: typeof renderer.require,
        process: typeof renderer.process,
        module: typeof renderer.module,
      };
    });
    expect(exposed).toEqual({
      keys: ['invoke', 'onImportFiles', 'exportToFolder', 'onOpenLink'],
      invokeType: 'function',
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
    });
  } finally {
    await app.close();
  }
});

test('answers the API only through dispatch, refusing unknown methods as values', async () => {
  const { app, page } = await launch();
  try {
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    const results = await page.evaluate(async () => {
      const bridge = (globalThis as unknown as RendererGlobals).briefmark;
      return {
        list: await bridge?.invoke('briefs.list', {}),
        unknown: await bridge?.invoke('fs.readFile', { path: '/etc/passwd' }),
      };
    });
    expect(results.list).toMatchObject({ ok: true });
    expect((results.list as { value: unknown[] }).value).toHaveLength(1);
    expect(results.unknown).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  } finally {
    await app.close();
  }
});

test('refuses new windows and navigation, and asks before opening a web link outside', async () => {
  const { app, page } = await launch();
  try {
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    // Record the confirmation instead of showing it, and answer "Cancel".
    await app.evaluate(({ dialog, shell }) => {
      const asked: string[] = [];
      const opened: string[] = [];
      Object.assign(globalThis, { briefmarkTest: { asked, opened } });
      dialog.showMessageBox = (async (...args: unknown[]) => {
        const options = args[args.length - 1] as { detail?: string };
        asked.push(options.detail ?? '');
        return { response: 1, checkboxChecked: false };
      }) as typeof dialog.showMessageBox;
      shell.openExternal = (async (url: string) => {
        opened.push(url);
      }) as typeof shell.openExternal;
    });
    const recorded = () =>
      app.evaluate(
        () =>
          (globalThis as unknown as { briefmarkTest: { asked: string[]; opened: string[] } })
            .briefmarkTest,
      );

    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as RendererGlobals).open('https://example.org/report') === null,
      ),
    ).toBe(true);
    await expect.poll(async () => (await recorded()).asked).toEqual(['https://example.org/report']);
    expect((await recorded()).opened).toEqual([]);

    expect(
      await page.evaluate(
        () => (globalThis as unknown as RendererGlobals).open('file:///etc/passwd') === null,
      ),
    ).toBe(true);
    await page.evaluate(() => {
      (globalThis as unknown as RendererGlobals).location.href = 'https://example.org/elsewhere';
    });
    await expect.poll(async () => (await recorded()).asked).toHaveLength(2);
    expect(page.url()).toMatch(/^app:\/\/briefmark\//);
    expect(app.windows()).toHaveLength(1);
    expect((await recorded()).opened).toEqual([]);
  } finally {
    await app.close();
  }
});

test('keeps a note across a restart and exports it to the chosen file', async () => {
  const first = await launch();
  try {
    const { page } = first;
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    await openSectionNote(page, SECTION_II);
    await page.keyboard.type('Check the deterrence numbers on the desktop.');
    await expect(page.getByTestId('note-status')).toHaveText(/saved/i);
  } finally {
    await first.app.close();
  }

  const second = await launch();
  try {
    const { app, page } = second;
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    await page
      .getByRole('navigation', { name: /outline/i })
      .getByText(SECTION_II, { exact: true })
      .click();
    await expect(page.getByRole('textbox', { name: `Note for ${SECTION_II}` })).toContainText(
      'Check the deterrence numbers on the desktop.',
    );

    // Stand in for the user's choice in the save dialog.
    const target = join(scratch, 'export.md');
    await app.evaluate(({ session }, savePath) => {
      session.defaultSession.on('will-download', (_event, item) => item.setSavePath(savePath));
    }, target);
    await page.getByRole('button', { name: /export/i }).click();
    await page
      .getByRole('dialog', { name: 'Export as Markdown' })
      .getByRole('button', { name: 'Save…' })
      .click();
    await expect.poll(() => existsSync(target)).toBe(true);
    await expect
      .poll(() => readFileSync(target, 'utf8'))
      .toMatch(
        /II\. ALLIED DETERRENCE AND DEFENCE[\s\S]*Check the deterrence numbers on the desktop\./,
      );
  } finally {
    await second.app.close();
  }
});
