import { randomBytes } from 'node:crypto';
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { CoreFailure } from '../../../shared/contract/errors';
import { syncFolder, writeTempFile } from '../fs/atomic-write';
import { containedFile, readWithoutFollowing } from '../fs/contained-file';
import { contentTypeFor } from '../fs/content-types';
import { safeJoin } from '../fs/safe-join';
import { isDraftId, type DraftPaths } from './draft-paths';

export const MAX_ASSET_BYTES = 25 * 1024 * 1024;

/**
 * Raster images only: SVG can carry script, so it is refused. Each type is checked against the
 * file's first bytes too, so a renamed HTML file cannot pass as an image.
 */
const IMAGE_TYPES: Record<string, { extension: string; looksRight: (bytes: Buffer) => boolean }> = {
  'image/png': {
    extension: 'png',
    looksRight: (b) => b.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')),
  },
  'image/jpeg': { extension: 'jpg', looksRight: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  'image/gif': {
    extension: 'gif',
    looksRight: (b) => /^GIF8[79]a$/.test(b.subarray(0, 6).toString('latin1')),
  },
  'image/webp': {
    extension: 'webp',
    looksRight: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  'image/avif': {
    extension: 'avif',
    looksRight: (b) =>
      b.subarray(4, 8).toString('latin1') === 'ftyp' &&
      /^avi[fs]$/.test(b.subarray(8, 12).toString('latin1')),
  },
};

/** The image type a file's first bytes show (one Postwright keeps), or null for anything else. */
export function imageTypeOf(head: Buffer): string | null {
  return Object.keys(IMAGE_TYPES).find((type) => IMAGE_TYPES[type]!.looksRight(head)) ?? null;
}

const ASSET_NAME = /^[a-z0-9][a-z0-9-]{0,80}\.(png|jpg|gif|webp|avif)$/;

/** Stores an image in the draft's assets/ folder under a safe, unique name; returns its `src`. */
export function addAsset(
  paths: DraftPaths,
  input: { id: string; filename: string; mimeType: string; dataBase64: string },
): Promise<{ src: string }> {
  const { dataBase64, ...rest } = input;
  return addAssetFromStream(paths, { ...rest, body: [Buffer.from(dataBase64, 'base64')] });
}

/**
 * Stores an image from a stream (the browser host's upload), never holding more than a chunk of
 * it: written to a temporary file beside its final place, refused past 25 MB or when its first
 * bytes are not the type it claims, then fsynced and renamed into place.
 */
export async function addAssetFromStream(
  paths: DraftPaths,
  input: {
    id: string;
    filename: string;
    mimeType: string;
    body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  },
): Promise<{ src: string }> {
  const type = IMAGE_TYPES[input.mimeType];
  if (!type) {
    throw new CoreFailure(
      'invalid-args',
      `Postwright cannot add ${input.mimeType || 'files of an unknown type as'} images. Use a PNG, JPEG, GIF, WebP or AVIF image.`,
    );
  }
  const folder = paths.assets(input.id);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const temp = join(folder, `.upload-${randomBytes(6).toString('hex')}.tmp`);
  await writeTempFile(temp, { flags: 'wx', mode: 0o600 }, async (file) => {
    let size = 0;
    let head = Buffer.alloc(0);
    for await (const chunk of input.body) {
      size += chunk.length;
      if (size > MAX_ASSET_BYTES) {
        throw new CoreFailure(
          'invalid-args',
          `${input.filename} is larger than 25 MB, the most an image can be. Make it smaller first.`,
        );
      }
      if (head.length < 16) head = Buffer.concat([head, Buffer.from(chunk.subarray(0, 16))]);
      await file.write(chunk);
    }
    if (size === 0) throw new CoreFailure('invalid-args', `${input.filename} is empty. Pick another image.`);
    if (!type.looksRight(head)) {
      throw new CoreFailure(
        'invalid-args',
        `${input.filename} is not a ${type.extension.toUpperCase()} image. Pick another file.`,
      );
    }
  });
  const name = `${assetStem(input.filename)}-${randomBytes(4).toString('hex')}.${type.extension}`;
  await rename(temp, join(folder, name));
  await syncFolder(folder);
  return { src: assetSrc(input.id, name) };
}

function assetStem(filename: string): string {
  return (
    filename
      .replace(/\.[^.]*$/, '')
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'image'
  );
}

export function assetSrc(id: string, name: string): string {
  return `/drafts/${id}/assets/${name}`;
}

/**
 * The file behind an asset `src` (`/drafts/<id>/assets/<name>`, or a full URL with that path), or
 * null. Only names the library could have made are accepted, so no path can climb out of assets/.
 */
export function assetFileFor(paths: DraftPaths, id: string, src: string): string | null {
  let path = src;
  if (!src.startsWith('/')) {
    try {
      path = new URL(src).pathname;
    } catch {
      return null;
    }
  }
  const match = /^\/drafts\/([^/]+)\/assets\/([^/]+)$/.exec(path);
  if (!match || match[1] !== id || !isDraftId(id) || !ASSET_NAME.test(match[2]!)) return null;
  const file = safeJoin(paths.assets(id), match[2]!);
  // A link in the draft's folder (the file, assets/ or the draft folder itself) is never followed.
  return file ? containedFile(paths.root, file) : null;
}

/** For the hosts: the draft id in an asset URL path, or null when the path is not one. */
export function draftIdOfAssetPath(path: string): string | null {
  const match = /^\/drafts\/([^/]+)\/assets\/[^/]+$/.exec(path);
  return match && isDraftId(match[1]!) ? match[1]! : null;
}

/**
 * Puts the draft's own images into an exported HTML document as data: URLs, so the file stands
 * alone; images the draft does not hold (remote URLs) are left as they are.
 */
export async function inlineAssetImages(paths: DraftPaths, id: string, html: string): Promise<string> {
  const pattern = new RegExp(`src="(/drafts/${id}/assets/[^"/]+)"`, 'g');
  const sources = new Set([...html.matchAll(pattern)].map((match) => match[1]!));
  let result = html;
  for (const src of sources) {
    const file = assetFileFor(paths, id, src);
    if (!file) continue;
    const data = `data:${contentTypeFor(file)};base64,${(await readWithoutFollowing(file)).toString('base64')}`;
    result = result.split(`src="${src}"`).join(`src="${data}"`);
  }
  return result;
}
