import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../support/temp-dir';

// electron-builder.yml is read as electron-builder reads it (js-yaml) and judged by electron-builder's
// own JSON schema: a misspelt key or a wrong value fails here, without a build.
const tempDir = useTempDir();
const schema = JSON.parse(readFileSync('node_modules/app-builder-lib/scheme.json', 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
type Config = Record<string, unknown> & {
  protocols: { schemes: string[] }[];
  fileAssociations: { ext: string[]; mimeType: string }[];
  linux: { target: string[]; icon: string };
  mac: { target: { target: string; arch: string[] }[]; icon: string };
  win: { target: string[]; icon: string };
};
const config = load(readFileSync('electron-builder.yml', 'utf8')) as Config;

describe('electron-builder.yml', () => {
  it('matches electron-builder’s own schema', () => {
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('is refused by that schema when a key is misspelt or a target is not one electron-builder knows', () => {
    expect(validate({ ...config, electronFuse: config.electronFuses })).toBe(false);
    expect(validate({ ...config, linux: { ...config.linux, target: 42 } })).toBe(false);
  });

  it('names the app, its postwright:// links and the Markdown and HTML files it imports', () => {
    expect(config.appId).toBe('app.postwright.desktop');
    expect(config.productName).toBe('Postwright');
    expect(config.protocols.flatMap((protocol) => protocol.schemes)).toEqual(['postwright']);
    expect(config.fileAssociations.flatMap((association) => association.ext)).toEqual([
      'md',
      'markdown',
      'html',
      'htm',
    ]);
  });

  it('keeps the native libraries (the drafts index, the image resizer) out of the asar archive', () => {
    expect(config.asarUnpack).toEqual([
      'node_modules/better-sqlite3/**',
      '**/node_modules/sharp/**/*',
      '**/node_modules/@img/**/*',
    ]);
  });

  it('makes an AppImage and a deb, a universal dmg and an NSIS installer, each with the icon made for it', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['universal'] }]);
    expect(config.win.target).toEqual(['nsis']);
    expect([config.linux.icon, config.mac.icon, config.win.icon]).toEqual([
      'packaging/icons/icon.png',
      'packaging/icons/icon.icns',
      'packaging/icons/icon.ico',
    ]);
  });
});

describe('npm run dist', () => {
  it('stops with one sentence, before building anything, where Electron’s binary could not be had', () => {
    const withoutBinary = tempDir();
    const builtBefore = existsSync('dist') ? statSync('dist').mtimeMs : null;
    const packagedBefore = existsSync('release') ? statSync('release').mtimeMs : null;
    const result = spawnSync(process.execPath, ['scripts/dist.mjs'], {
      encoding: 'utf8',
      env: { ...process.env, POSTWRIGHT_ELECTRON_PACKAGE: withoutBinary },
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'Postwright cannot be packaged here: Electron’s binary is not installed (it could not be downloaded), and packaging needs it; run `npm ci` where it can be downloaded, then `npm run dist` again.\n',
    );
    expect(existsSync('release') ? statSync('release').mtimeMs : null).toBe(packagedBefore);
    expect(existsSync('dist') ? statSync('dist').mtimeMs : null).toBe(builtBefore);
  });

  it('renders every icon from the one source image', () => {
    const out = tempDir();
    execFileSync(process.execPath, ['scripts/make-icons.mjs', out]);
    const png = readFileSync(join(out, 'icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
    expect(readFileSync(join(out, 'icon.icns')).subarray(0, 4).toString('latin1')).toBe('icns');
    const ico = readFileSync(join(out, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(6);
  }, 120_000);
});
