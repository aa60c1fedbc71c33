import { lstat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { Draft } from '../../shared/model/draft';
import { containedFile, readWithoutFollowing } from '../core/fs/contained-file';
import { contentTypeFor } from '../core/fs/content-types';
import { startTags } from '../core/html/start-tags';
import { replaceImageSources } from '../core/publish/draft-images';
import type { CliContext } from './cli-context';
import { CliError } from './cli-error';

/**
 * `drafts new --html post.html` where the page shows `<img src="photo.jpg">` beside it: the image is
 * copied into the draft's own folder, as if it had been dropped into the editor, and uploaded at
 * publish time. Web addresses are left as they are.
 */
export async function importLocalImages(ctx: CliContext, draft: Draft, htmlFile: string): Promise<Draft> {
  const folder = dirname(resolve(htmlFile));
  const replacements: Record<string, string> = {};
  for (const tag of startTags(draft.html, ['img'])) {
    const src = tag.attributes.src;
    if (!src || replacements[src] || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(src) || src.startsWith('/drafts/'))
      continue;
    const file = resolve(folder, decodedPath(src));
    const mimeType = contentTypeFor(file);
    if (!mimeType.startsWith('image/')) continue;
    let data: Buffer;
    try {
      await lstat(file);
      // Only images really beside the HTML file: a link, or a path that climbs out, is refused.
      if (!containedFile(folder, file)) {
        throw new CliError(
          `The draft shows ${src}, but ${file} is a symbolic link or lies outside ${folder}, so it was not copied. Put the image itself beside the HTML file.`,
          2,
        );
      }
      data = await readWithoutFollowing(file);
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(
        `The draft shows ${src}, but ${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? error}.`,
      );
    }
    const added = await ctx.call('drafts-add-asset', {
      id: draft.id,
      filename: basename(file),
      mimeType,
      dataBase64: data.toString('base64'),
    });
    replacements[src] = added.src;
  }
  if (!Object.keys(replacements).length) return draft;
  await ctx.call('drafts-save', {
    draft: { ...savedFields(draft), html: replaceImageSources(draft.html, replacements) },
  });
  return ctx.call('drafts-get', { id: draft.id });
}

/** What `drafts-save` takes of a draft as read: everything but the fields the core keeps itself. */
export function savedFields(draft: Draft) {
  const {
    createdAt: _c,
    updatedAt: _u,
    status: _s,
    statusMessage: _m,
    remote: _r,
    wordCount: _w,
    trashedAt: _t,
    ...fields
  } = draft;
  return fields;
}

/** An img src as a file path; a malformed %-escape is taken literally. */
function decodedPath(src: string): string {
  try {
    return decodeURIComponent(src);
  } catch {
    return src;
  }
}
