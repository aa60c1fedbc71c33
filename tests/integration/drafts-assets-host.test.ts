import { describe, expect, it } from 'vitest';
import { useHostedCore } from '../support/hosted-core';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
const hosted = useHostedCore();

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describe('draft images in the browser host', () => {
  it('serves an image added to a draft, as an image only, and only with the token', async () => {
    const core = hosted.openCore(tempDir());
    const host = await hosted.serve(core, tempDir());
    const draft = await core.handlers['drafts-create'](
      { title: 'Pier' },
      { signal: new AbortController().signal },
    );
    const { src } = await core.handlers['drafts-add-asset'](
      { id: draft.id, filename: 'pier.png', mimeType: 'image/png', dataBase64: PNG.toString('base64') },
      { signal: new AbortController().signal },
    );
    const token = new URL(host.url).searchParams.get('token')!;
    const cookie = { Cookie: `postwright_${host.port}=${token}` };
    const base = `http://127.0.0.1:${host.port}`;

    const image = await fetch(base + src, { headers: cookie });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true);

    expect((await fetch(base + src)).status).toBe(401);
    for (const path of [
      `/drafts/${draft.id}/assets/missing-00000000.png`,
      `/drafts/${draft.id}/assets/..%2fdraft.json`,
      `/drafts/${draft.id}/assets/%2e%2e%2f%2e%2e%2findex.json`,
      `/drafts/nope/assets/${src.split('/').pop()}`,
    ]) {
      const response = await fetch(base + path, { headers: cookie });
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain('formatVersion');
    }
  });
});
