import { CoreFailure } from '../../../../shared/contract/errors';
import type { Blog } from '../../../../shared/model/blog';
import type { HttpClient } from '../../platform/http';
import type { MicropubTokenStore } from '../indieauth/token-store';
import { MicropubClient } from './micropub-client';
import { MicropubFailure } from './micropub-errors';

/**
 * A signed-in Micropub client for a blog. When the blog says the token has expired and a refresh
 * token was given, the token is refreshed once and the request repeated.
 */
export class MicropubAccess {
  constructor(
    private readonly http: HttpClient,
    readonly tokens: MicropubTokenStore,
  ) {}

  async run<T>(
    blog: Blog,
    signal: AbortSignal | undefined,
    work: (client: MicropubClient) => Promise<T>,
    options: { mediaEndpoint?: string | null } = {},
  ): Promise<T> {
    const endpoint = blog.micropub?.endpoint ?? blog.endpoint;
    const make = (token: string) =>
      new MicropubClient({
        http: this.http,
        endpoint,
        mediaEndpoint: options.mediaEndpoint ?? blog.micropub?.mediaEndpoint ?? null,
        token,
        anchor: blog.homeUrl,
        ...(signal ? { signal } : {}),
      });
    const token = await this.tokens.accessToken(blog.id, signal);
    if (!token) {
      throw new CoreFailure(
        'auth-failed',
        `You are not signed in to ${blog.name}. Sign in (Blogs → Sign in again, or "postwright micropub sign-in"), or paste a token ("postwright micropub sign-in --token-stdin").`,
      );
    }
    try {
      return await work(make(token));
    } catch (error) {
      const stored = await this.tokens.get(blog.id);
      const expired = error instanceof MicropubFailure && error.info.status === 401 && !error.info.scope;
      if (!expired || !stored?.refreshToken) throw error;
      const fresh = await this.tokens.refresh(blog.id, stored, signal);
      return work(make(fresh.accessToken));
    }
  }
}
