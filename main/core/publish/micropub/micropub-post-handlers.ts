import type { Handlers } from '../../../../shared/contract';
import { CoreFailure } from '../../../../shared/contract/errors';
import type { BlogStore } from '../../blogs/blog-store';
import type { DraftStore } from '../../drafts/draft-store';
import { draftEncoding } from './alt-text';
import type { MicropubAccess } from './micropub-access';
import { chooseMicropubBlog } from './micropub-blogs';
import { MicropubFailure } from './micropub-errors';
import type { PostAddresses } from './post-addresses';
import { bodyImages } from './post-mapping';

export type MicropubPostHandlers = Pick<
  Handlers,
  | 'micropub-source'
  | 'micropub-update'
  | 'micropub-publish-check'
  | 'micropub-delete'
  | 'micropub-undelete'
  | 'media-upload'
>;

export interface MicropubPostDeps {
  blogs: BlogStore;
  drafts: Pick<DraftStore, 'get' | 'linkedTo' | 'setRemote' | 'assetFile'>;
  addresses: PostAddresses;
  access: MicropubAccess;
}

/** What an author does to one post on a Micropub blog outside the outbox: read, change, delete, upload. */
export function micropubPostHandlers(deps: MicropubPostDeps): MicropubPostHandlers {
  const { blogs, access } = deps;

  /** A post the blog moved: its earlier address is kept, and the drafts linked to it follow it. */
  async function followMove(blogId: string, from: string, to: string): Promise<void> {
    await deps.addresses.moved(blogId, from, to);
    for (const id of await deps.drafts.linkedTo(blogId, from)) {
      const { remote } = await deps.drafts.get(id);
      if (remote) await deps.drafts.setRemote(id, { ...remote, postId: to, url: to });
    }
  }

  return {
    'micropub-source': async ({ blogId, url, properties }, { signal }) => {
      const blog = await chooseMicropubBlog(blogs, blogId);
      return access.run(blog, signal, (client) => client.source(url, properties ?? []));
    },

    'micropub-update': async ({ blogId, url, replace, add, delete: remove }, { signal }) => {
      const blog = await chooseMicropubBlog(blogs, blogId);
      const empty = !replace && !add && !remove;
      if (empty) throw new CoreFailure('invalid-args', 'Say what to change: --replace, --add or --delete.');
      const next = await access.run(blog, signal, (client) =>
        client.update(url, {
          ...(replace ? { replace } : {}),
          ...(add ? { add } : {}),
          ...(remove ? { delete: remove } : {}),
        }),
      );
      if (next === url) return { url, movedFrom: null };
      await followMove(blog.id, url, next);
      return { url: next, movedFrom: url };
    },

    'micropub-publish-check': async ({ draftId, blogId, micropub }, { signal }) => {
      const draft = await deps.drafts.get(draftId);
      if (!bodyImages(draft.html).some((image) => image.alt.trim())) return { warnings: [] };
      const all = await blogs.list();
      const chosen = blogId ?? draft.blogId;
      const blog = chosen ? all.find((entry) => entry.id === chosen) : all.length === 1 ? all[0] : undefined;
      if (blog?.protocol !== 'micropub') return { warnings: [] };
      const config = await access.run(blog, signal, (client) => client.config()).catch(() => null);
      // A refusal (form encoding asked for alt text) is the publish's own error, said once there.
      const { warnings } = draftEncoding({
        draft,
        blogName: blog.name,
        options: micropub ?? {},
        mediaEndpoint: config?.mediaEndpoint ?? blog.micropub?.mediaEndpoint ?? null,
        drafts: deps.drafts,
        forUpdate: draft.remote?.blogId === blog.id,
      });
      return { warnings };
    },

    'micropub-delete': async ({ blogId, url }, { signal }) => {
      const blog = await chooseMicropubBlog(blogs, blogId);
      await access.run(blog, signal, (client) => client.delete(url));
      return { url };
    },

    'micropub-undelete': async ({ blogId, url }, { signal }) => {
      const blog = await chooseMicropubBlog(blogs, blogId);
      // The address given, then the post's earlier ones, first first: WordPress knows a trashed
      // post only by the address it was created at.
      const earlier = (await deps.addresses.history(blog.id, url)).filter((known) => known !== url);
      await access.run(blog, signal, async (client) => {
        let refusal: unknown = null;
        for (const address of [url, ...earlier]) {
          try {
            return await client.undelete(address);
          } catch (error) {
            const unknown =
              error instanceof MicropubFailure && [400, 404, 410].includes(error.info.status ?? 0);
            if (!unknown) throw error;
            refusal ??= error;
          }
        }
        throw refusal;
      });
      return { url };
    },

    'media-upload': async ({ blogId, filename, mimeType, dataBase64 }, { signal }) => {
      const blog = await chooseMicropubBlog(blogs, blogId);
      const data = Buffer.from(dataBase64, 'base64');
      const url = await access.run(blog, signal, async (client) => {
        const mediaEndpoint = (await client.config()).mediaEndpoint;
        if (!mediaEndpoint) {
          throw new CoreFailure(
            'not-found',
            `${blog.name} has no media endpoint, so files can only travel with a post.`,
          );
        }
        return access.run(blog, signal, (withMedia) => withMedia.upload({ filename, mimeType, data }), {
          mediaEndpoint,
        });
      });
      return { url };
    },
  };
}
