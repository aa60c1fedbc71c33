import type { Handlers } from '../../../../shared/contract';
import { CoreFailure } from '../../../../shared/contract/errors';
import type { Blog } from '../../../../shared/model/blog';
import type { BlogStore } from '../../blogs/blog-store';
import type { EventBus } from '../../events/event-bus';
import type { Clock } from '../../platform/clock';
import type { HttpClient } from '../../platform/http';
import { beginSignIn, type SignInSession } from '../indieauth/sign-in-session';
import type { StoredToken } from '../indieauth/indieauth-types';
import type { MicropubAccess } from './micropub-access';
import { chooseMicropubBlog } from './micropub-blogs';

export type MicropubSignInHandlers = Pick<
  Handlers,
  | 'micropub-sign-in-start'
  | 'micropub-sign-in-finish'
  | 'micropub-sign-in-cancel'
  | 'micropub-set-token'
  | 'micropub-sign-out'
>;

export interface MicropubSignInDeps {
  blogs: BlogStore;
  access: MicropubAccess;
  http: HttpClient;
  clock: Clock;
  events: EventBus;
  appName: string;
}

/** Signing in to a Micropub blog (IndieAuth in the browser, or a pasted token) and out again. */
export function micropubSignInHandlers(deps: MicropubSignInDeps): MicropubSignInHandlers {
  const { blogs, access } = deps;
  const sessions = new Map<string, { session: SignInSession; blogId: string }>();
  const changed = async () => deps.events.emit('blogs-changed', await blogs.list());

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
  };
}
