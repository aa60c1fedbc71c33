import type { Handlers } from '../../../../shared/contract';
import { CoreFailure } from '../../../../shared/contract/errors';
import type { Blog } from '../../../../shared/model/blog';
import type { BlogStore } from '../../blogs/blog-store';
import type { DraftStore } from '../../drafts/draft-store';
import type { EventBus } from '../../events/event-bus';
import type { Clock } from '../../platform/clock';
import type { HttpClient } from '../../platform/http';
import { beginSignIn, type SignInSession } from '../indieauth/sign-in-session';
import type { StoredToken } from '../indieauth/indieauth-types';
import type { MicropubAccess } from './micropub-access';
import { chooseMicropubBlog, micropubBlogFields, type MicropubBlogAdd } from './micropub-blogs';
import { draftEncoding } from './alt-text';
import { MicropubFailure } from './micropub-errors';
import { bodyImages } from './post-mapping';
import type { PostAddresses } from './post-addresses';

type MicropubHandlers = Pick<
  Handlers,
  | 'micropub-sign-in-start'
  | 'micropub-sign-in-finish'
  | 'micropub-sign-in-cancel'
  | 'micropub-set-token'
  | 'micropub-sign-out'
  | 'micropub-config'
  | 'micropub-syndicate-to'
  | 'micropub-categories'
  | 'micropub-source'
  | 'micropub-update'
  | 'micropub-publish-check'
  | 'micropub-delete'
  | 'micropub-undelete'
  | 'media-upload'
>;

export interface MicropubHandlerDeps {
  blogs: BlogStore;
  drafts: Pick<DraftStore, 'get' | 'linkedTo' | 'setRemote' | 'assetFile'>;
  addresses: PostAddresses;
  access: MicropubAccess;
  http: HttpClient;
  clock: Clock;
  events: EventBus;
  appName: string;
}

export function micropubHandlers(deps: MicropubHandlerDeps): MicropubHandlers {
  const { blogs, access } = deps;
  const sessions = new Map<string, { session: SignInSession; blogId: string }>();
  const changed = async () => deps.events.emit('blogs-changed', await blogs.list());

  /** A post the blog moved: its earlier address is kept, and the drafts linked to it follow it. */
  async function followMove(blogId: string, from: string, to: string): Promise<void> {
    await deps.addresses.moved(blogId, from, to);
    for (const id of await deps.drafts.linkedTo(blogId, from)) {
      const { remote } = await deps.drafts.get(id);
      if (remote) await deps.drafts.setRemote(id, { ...remote, postId: to, url: to });
    }
  }

  async function signedIn(blog: Blog, token: StoredToken): Promise<Blog> {
    await access.tokens.save(blog.id, token);
    const updated = await blogs.update(blog.id, {
      micropub: { ...blog.micropub, me: token.me, scope: token.scope || null },
    });
    await changed();
    return updated;
  }

  return {
    'micropub-sign-in-start': async ({ blogId }) => {
      const blog = await chooseMicropubBlog(blogs, blogId);
      const session = await beginSignIn(
        { http: deps.http, now: () => deps.clock.now() },
        {
          me: blog.homeUrl,
          appName: deps.appName,
          links: {
            indieauthMetadata: blog.micropub?.indieauthMetadata ?? null,
            authorizationEndpoint: blog.micropub?.authorizationEndpoint ?? null,
            tokenEndpoint: blog.micropub?.tokenEndpoint ?? null,
          },
        },
      );
      sessions.set(session.id, { session, blogId: blog.id });
      void session.result
        .catch(() => undefined)
        .finally(() => setTimeout(() => sessions.delete(session.id), 60_000).unref?.());
      return { sessionId: session.id, authorizationUrl: session.authorizationUrl };
    },

    'micropub-sign-in-finish': async ({ sessionId }, { signal }) => {
      const entry = sessions.get(sessionId);
      if (!entry) throw new CoreFailure('not-found', 'That sign-in has ended. Start signing in again.');
      const onAbort = () => entry.session.cancel();
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        const token = await entry.session.result;
        return await signedIn(await blogs.get(entry.blogId), token);
      } finally {
        signal.removeEventListener('abort', onAbort);
        sessions.delete(sessionId);
      }
    },

    'micropub-sign-in-cancel': ({ sessionId }) => {
      const entry = sessions.get(sessionId);
      entry?.session.cancel();
      return sessions.delete(sessionId);
    },

    'micropub-set-token': async ({ blogId, token }, { signal }) => {
      const blog = await chooseMicropubBlog(blogs, blogId);
      const stored: StoredToken = {
        accessToken: token.trim(),
        scope: '',
        me: null,
        refreshToken: null,
        expiresAt: null,
        tokenEndpoint: blog.micropub?.tokenEndpoint ?? null,
        clientId: null,
      };
      const previous = await access.tokens.get(blog.id);
      await access.tokens.save(blog.id, stored);
      try {
        // q=config proves the token works (a bad one answers 401) before the author relies on it.
        await access.run(blog, signal, (client) => client.config());
      } catch (error) {
        if (previous) await access.tokens.save(blog.id, previous);
        else await access.tokens.remove(blog.id);
        throw error;
      }
      return signedIn(blog, stored);
    },

    'micropub-sign-out': async ({ blogId }) => {
      const blog = await chooseMicropubBlog(blogs, blogId);
      await access.tokens.remove(blog.id);
      const updated = await blogs.update(blog.id, { micropub: { ...blog.micropub, me: null, scope: null } });
      await changed();
      return updated;
    },

    'micropub-config': async ({ blogId }, { signal }) => {
      const blog = await chooseMicropubBlog(blogs, blogId);
      const config = await access.run(blog, signal, (client) => client.config());
      if (config.mediaEndpoint !== (blog.micropub?.mediaEndpoint ?? null) && config.mediaEndpoint) {
        await blogs.update(blog.id, { micropub: { ...blog.micropub, mediaEndpoint: config.mediaEndpoint } });
      }
      return config;
    },

    'micropub-syndicate-to': async ({ blogId }, { signal }) => {
      const blog = await chooseMicropubBlog(blogs, blogId);
      return access.run(blog, signal, (client) => client.syndicateTo());
    },

    'micropub-categories': async ({ blogId }, { signal }) => {
      const blog = await chooseMicropubBlog(blogs, blogId);
      return access.run(blog, signal, (client) => client.categories());
    },

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

/** Adds a Micropub blog (from "Add a blog"); a pasted token is checked and kept, else sign in next. */
export async function addMicropubBlog(
  deps: { blogs: BlogStore; handlers: MicropubHandlers },
  input: MicropubBlogAdd,
  signal: AbortSignal,
): Promise<Blog> {
  const blog = await deps.blogs.add(micropubBlogFields(input));
  if (!input.token) return blog;
  try {
    return await deps.handlers['micropub-set-token']({ blogId: blog.id, token: input.token }, { signal });
  } catch (error) {
    await deps.blogs.remove(blog.id);
    throw error;
  }
}

/** "Test" for a Micropub blog: q=config with the saved token says whether publishing would work. */
export async function testMicropubBlog(
  access: MicropubAccess,
  blog: Blog,
  signal: AbortSignal,
): Promise<{ ok: boolean; message: string }> {
  try {
    await access.run(blog, signal, (client) => client.config());
    const who = blog.micropub?.me ? ` as ${blog.micropub.me}` : '';
    return { ok: true, message: `Signed in to ${blog.name}${who}. Publishing will work.` };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
