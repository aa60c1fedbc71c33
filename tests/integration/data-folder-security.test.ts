import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localImages } from '../../main/core/publish/draft-images';
import { runCli } from '../support/cli';
import { useHostedCore } from '../support/hosted-core';
import { makePng } from '../support/png';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('postwright-folder-');
const never = { signal: new AbortController().signal };
const hosted = useHostedCore();

/** Every folder and file under `root` with its permission bits, as "0700 drafts/x". */
function modes(root: string, below = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, below), { withFileTypes: true })) {
    const path = join(below, entry.name);
    const mode = (statSync(join(root, path)).mode & 0o777).toString(8).padStart(4, '0');
    out.push(`${mode} ${path}${entry.isDirectory() ? '/' : ''}`);
    if (entry.isDirectory()) out.push(...modes(root, path));
  }
  return out;
}

describe('the data folder belongs to its owner alone', () => {
  it('is created 0700 with files 0600, even under umask 000', () => {
    const parent = tempDir();
    const dataDir = join(parent, 'data', 'Postwright');
    const source = tempDir();
    writeFileSync(join(source, 'photo.png'), makePng(2));
    writeFileSync(join(source, 'post.html'), '<p>A pier <img src="photo.png"></p>');
    const script = [
      'umask 000',
      `node dist/cli/postwright.mjs --data-dir ${dataDir} drafts new --title Pier --html ${join(source, 'post.html')}`,
      `node dist/cli/postwright.mjs --data-dir ${dataDir} inbox add https://example.org/ --title Example --quote Q`,
      `node dist/cli/postwright.mjs --data-dir ${dataDir} events add --title Workshop --start 2009-11-27T10:00`,
    ].join(' && ');
    const run = spawnSync('sh', ['-c', script], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);

    expect((statSync(dataDir).mode & 0o777).toString(8)).toBe('700');
    expect((statSync(join(parent, 'data')).mode & 0o777).toString(8)).toBe('700');
    const listed = modes(dataDir);
    expect(listed.some((line) => line.includes('assets/photo-'))).toBe(true);
    expect(listed.some((line) => line.includes('inbox/'))).toBe(true);
    expect(listed.some((line) => line.includes('calendar/events.json'))).toBe(true);
    const open = listed.filter((line) =>
      line.endsWith('/') ? !line.startsWith('0700 ') : !line.startsWith('0600 '),
    );
    expect(open).toEqual([]);
  });
});

describe('symbolic links in a draft’s folder are never followed', () => {
  async function draftWithImage() {
    const dataDir = tempDir();
    const core = hosted.openCore(dataDir);
    const draft = await core.handlers['drafts-create']({ title: 'Pier' }, never);
    const { src } = await core.handlers['drafts-add-asset'](
      {
        id: draft.id,
        filename: 'pier.png',
        mimeType: 'image/png',
        dataBase64: makePng(2).toString('base64'),
      },
      never,
    );
    const file = join(dataDir, 'drafts', draft.id, 'assets', src.split('/').pop()!);
    // What an attacker would point at: the secrets file beside the drafts.
    writeFileSync(join(dataDir, 'secrets.json'), '{"blog:x:password":"hunter2"}', { mode: 0o600 });
    return { core, dataDir, draft, src, file, html: `<p><img src="${src}"></p>` };
  }

  it('serves and uploads an image only while it is a real file in the draft’s folder', async () => {
    const { core, dataDir, draft, src, file, html } = await draftWithImage();
    const host = await hosted.serve(core, tempDir());
    const cookie = { Cookie: `postwright_${host.port}=${new URL(host.url).searchParams.get('token')}` };
    const get = (path: string) => fetch(`http://127.0.0.1:${host.port}${path}`, { headers: cookie });

    expect((await get(src)).status).toBe(200);
    expect(localImages(html, draft.id, core.drafts)).toHaveLength(1);

    // 1. The image replaced by a link to the secrets file.
    rmSync(file);
    symlinkSync(join(dataDir, 'secrets.json'), file);
    const linked = await get(src);
    expect(linked.status).toBe(404);
    expect(await linked.text()).not.toContain('hunter2');
    expect(localImages(html, draft.id, core.drafts)).toEqual([]);
    const exported = await core.handlers['drafts-export']({ id: draft.id, format: 'html' }, never);
    expect(exported.content).not.toContain(Buffer.from('hunter2').toString('base64').slice(0, 8));

    // 2. The assets folder replaced by a link to a folder elsewhere holding a file of that name.
    const elsewhere = tempDir();
    writeFileSync(join(elsewhere, src.split('/').pop()!), makePng(3));
    const assets = join(dataDir, 'drafts', draft.id, 'assets');
    rmSync(assets, { recursive: true });
    symlinkSync(elsewhere, assets);
    expect((await get(src)).status).toBe(404);
    expect(localImages(html, draft.id, core.drafts)).toEqual([]);

    // 3. The whole draft folder a link to a copy elsewhere.
    const copy = tempDir();
    mkdirSync(join(copy, 'assets'));
    writeFileSync(join(copy, 'assets', src.split('/').pop()!), makePng(3));
    const folder = join(dataDir, 'drafts', draft.id);
    renameSync(folder, join(dataDir, 'drafts-old'));
    symlinkSync(copy, folder);
    expect((await get(src)).status).toBe(404);
    expect(localImages(html, draft.id, core.drafts)).toEqual([]);
  });

  it('imports no image that is a link, or that lies outside the HTML file’s folder', () => {
    const dataDir = tempDir();
    const outside = tempDir();
    const source = join(tempDir(), 'post');
    mkdirSync(source);
    writeFileSync(join(outside, 'secret.png'), makePng(2));
    symlinkSync(join(outside, 'secret.png'), join(source, 'photo.png'));
    writeFileSync(join(source, 'linked.html'), '<p><img src="photo.png"></p>');
    writeFileSync(
      join(source, 'climbing.html'),
      `<p><img src="../../${outside.split('/').pop()}/secret.png"></p>`,
    );

    const linked = runCli(['drafts', 'new', '--title', 'A', '--html', join(source, 'linked.html')], {
      dataDir,
    });
    expect(linked.status).toBe(2);
    expect(linked.stderr).toMatch(
      /photo\.png is a symbolic link or lies outside .*Put the image itself beside the HTML file/,
    );
    const climbing = runCli(['drafts', 'new', '--title', 'B', '--html', join(source, 'climbing.html')], {
      dataDir,
    });
    expect(climbing.status).toBe(2);
    expect(climbing.stderr).toMatch(/secret\.png is a symbolic link or lies outside/);
  });
});
