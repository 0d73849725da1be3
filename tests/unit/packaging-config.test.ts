import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRIEFMARK_LINK_SCHEME } from '../../src/shared/briefmarkLink';

// electron-builder reads its configuration from package.json's "build" field. These tests run
// that configuration through electron-builder's own loader, schema and .desktop writer, so a
// misspelt fuse or a lost protocol fails here rather than in a release. Packaging itself needs
// the Electron binary, which cannot be downloaded on this machine.
const require = createRequire(import.meta.url);
const projectDir = join(__dirname, '..', '..');

interface BuilderConfig {
  productName: string;
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  protocols: { name: string; schemes: string[] }[];
  electronFuses: Record<string, boolean>;
  linux: Record<string, unknown>;
}

type ConfigModule = {
  getConfig(projectDir: string, configPath: null, fromOptions: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: { isEnabled: boolean }): Promise<void>;
};

// Not exported from electron-builder's index: these are the functions its CLI calls.
const { getConfig, validateConfiguration } =
  require('app-builder-lib/out/util/config/config') as ConfigModule;
const { LinuxTargetHelper } = require('app-builder-lib/out/targets/LinuxTargetHelper') as {
  LinuxTargetHelper: new (packager: unknown) => {
    computeDesktopEntry(options: Record<string, unknown>): Promise<string>;
  };
};

const quietLogger = { isEnabled: false };

function packageJson(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as Record<
    string,
    unknown
  >;
}

describe('packaging configuration', () => {
  it('passes electron-builder’s own schema, which refuses a misspelt option', async () => {
    const config = await getConfig(projectDir, null, null);
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();

    const misspelt = structuredClone(config);
    misspelt.electronFuses = { ...misspelt.electronFuses, runAsNodes: false };
    await expect(validateConfiguration(misspelt, quietLogger)).rejects.toThrow(
      /does not match the API schema/,
    );
  });

  it('sets the fuses the security design asks for', async () => {
    const { electronFuses } = await getConfig(projectDir, null, null);
    expect(electronFuses).toMatchObject({
      // The packaged binary can never be used as a plain Node with the user's rights.
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      // The app code is read from the signed-off asar only, and checked against its hash.
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // The renderer is served from app://, so file:// keeps no extra powers.
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the built app and the sample brief into the asar, native modules beside it', () => {
    const { main, build } = packageJson() as { main: string; build: BuilderConfig };
    expect(main.startsWith('out/')).toBe(true);
    expect(build.files).toEqual(
      expect.arrayContaining(['out/**', 'resources/sample-brief.txt', 'package.json']),
    );
    expect(build.asar).toBe(true);
    // better-sqlite3's .node file cannot be loaded from inside an archive.
    expect(build.asarUnpack).toContain('**/*.node');
  });

  it('registers briefmark:// links with the system, in the Linux .desktop file too', async () => {
    const config = await getConfig(projectDir, null, null);
    expect(config.protocols.flatMap((protocol) => protocol.schemes)).toEqual([
      BRIEFMARK_LINK_SCHEME,
    ]);

    const packager = {
      appInfo: { productName: config.productName, sanitizedProductName: config.productName },
      executableName: 'briefmark',
      config,
      platformSpecificBuildOptions: config.linux,
      fileAssociations: [],
      info: { metadata: packageJson() },
    };
    const desktopEntry = await new LinuxTargetHelper(packager).computeDesktopEntry(config.linux);
    expect(desktopEntry).toMatch(/^MimeType=x-scheme-handler\/briefmark;$/m);
    // %U hands the clicked link to the app, which reads it from its arguments.
    expect(desktopEntry).toMatch(/^Exec=.* %U$/m);
    expect(desktopEntry).toMatch(/^StartupWMClass=briefmark$/m);
  });
});
