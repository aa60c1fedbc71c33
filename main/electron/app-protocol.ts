import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { contentSecurityPolicy } from '../../shared/net/csp';
import { localImageResponse, type LocalImages } from '../core/drafts/asset-response';
import { readWithoutFollowing } from '../core/fs/contained-file';
import { contentTypeFor } from '../core/fs/content-types';
import { safeJoin } from '../core/fs/safe-join';

export const APP_SCHEME = 'app';

/**
 * Serves the built renderer on app://postwright/ with the app's CSP, nothing outside its folder,
 * each draft's images on /drafts/<id>/assets/<name> and the archive's on /archive/<blog id>/media/<name>.
 */
export function registerAppProtocol(protocol: Protocol, rendererDir: string, images: LocalImages): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const { pathname } = new URL(request.url);
    const asset = localImageResponse(images, pathname);
    if (asset.matched) {
      const image = asset.file ? await readWithoutFollowing(asset.file).catch(() => undefined) : undefined;
      if (!image) return new Response('Not found', { status: 404, headers: asset.headers });
      return new Response(new Uint8Array(image), { headers: asset.headers });
    }
    const file = safeJoin(rendererDir, pathname === '/' ? '/index.html' : pathname);
    const body = file ? await readFile(file).catch(() => undefined) : undefined;
    if (!file || !body) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(body), {
      headers: {
        'Content-Type': contentTypeFor(file),
        // electronegativity-justified: CSP_GLOBAL_CHECK: the CSP is this header, sent with every page of
        // app:// (a source scan cannot see it); tests/unit/electron-security.test.ts checks it.
        'Content-Security-Policy': contentSecurityPolicy([]),
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      },
    });
  });
}
