import * as z from 'zod';
import type { SecretStore } from '../../secrets/secret-store';
import type { HttpClient } from '../../platform/http';
import type { StoredToken } from './indieauth-types';
import { requestToken } from './token-endpoint';

const storedTokenSchema = z.object({
  accessToken: z.string().min(1),
  scope: z.string(),
  me: z.string().nullable(),
  refreshToken: z.string().nullable(),
  expiresAt: z.string().nullable(),
  tokenEndpoint: z.string().nullable(),
  clientId: z.string().nullable(),
});

const keyOf = (blogId: string) => `blog:${blogId}:micropub-token`;

/** A blog's Micropub token in the secret store, refreshed when it has expired and a refresh token exists. */
export class MicropubTokenStore {
  constructor(
    private readonly secrets: SecretStore,
    private readonly http: HttpClient,
    private readonly now: () => Date,
  ) {}

  async get(blogId: string): Promise<StoredToken | null> {
    const raw = await this.secrets.get(keyOf(blogId));
    if (!raw) return null;
    try {
      return storedTokenSchema.parse(JSON.parse(raw));
    } catch {
      // A token pasted by an older build, or a hand-edited file: the text itself is the token.
      return {
        accessToken: raw,
        scope: '',
        me: null,
        refreshToken: null,
        expiresAt: null,
        tokenEndpoint: null,
        clientId: null,
      };
    }
  }

  async save(blogId: string, token: StoredToken): Promise<void> {
    await this.secrets.set(keyOf(blogId), JSON.stringify(token));
  }

  async remove(blogId: string): Promise<void> {
    await this.secrets.delete(keyOf(blogId));
  }

  /** The access token to send now; null when the author has not signed in. */
  async accessToken(blogId: string, signal?: AbortSignal): Promise<string | null> {
    const token = await this.get(blogId);
    if (!token) return null;
    const expired = token.expiresAt !== null && Date.parse(token.expiresAt) <= this.now().getTime() + 30_000;
    if (expired && token.refreshToken) return (await this.refresh(blogId, token, signal)).accessToken;
    return token.accessToken;
  }

  /** Trades the refresh token for a new access token (IndieAuth §5.5); without one the token is kept as it is. */
  async refresh(blogId: string, token: StoredToken, signal?: AbortSignal): Promise<StoredToken> {
    if (!token.refreshToken || !token.tokenEndpoint || !token.clientId) return token;
    const fresh = await requestToken(
      this.http,
      token.tokenEndpoint,
      { grant_type: 'refresh_token', refresh_token: token.refreshToken, client_id: token.clientId },
      this.now(),
      signal,
      token.me ?? undefined,
    );
    const next: StoredToken = {
      ...fresh,
      me: fresh.me ?? token.me,
      scope: fresh.scope || token.scope,
      refreshToken: fresh.refreshToken ?? token.refreshToken,
      clientId: token.clientId,
    };
    await this.save(blogId, next);
    return next;
  }
}
