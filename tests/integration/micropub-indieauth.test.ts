import { afterEach, describe, expect, it } from 'vitest';
import type { Blog } from '../../shared/model/blog';
import type { MicropubConfig } from '../../shared/model/micropub';
import { runCliAsync, startCli } from '../support/cli';
import { answerAuthorizationPage } from '../support/micropub-server/authorize-as-author';
import { startMicropubSite, type MicropubSite } from '../support/micropub-server/micropub-site';
import type { AuthBehaviour } from '../support/micropub-server/indieauth-server';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('postwright-indieauth-');
let site: MicropubSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

const AUTH_URL = /(http:\/\/127\.0\.0\.1:\d+\/auth\?\S+)/;

/** `blogs add URL --no-browser`: the command prints the page, the author answers it there. */
async function addBlogSigningIn(behaviour: AuthBehaviour, decision: 'approve' | 'deny' = 'approve') {
  site = await startMicropubSite();
  site.auth.behaviour = behaviour;
  const dataDir = tempDir();
  const command = startCli(['blogs', 'add', site.url, '--no-browser', '--json'], { dataDir });
  const [, authorizationUrl] = await command.waitFor(AUTH_URL);
  const pages = await answerAuthorizationPage(authorizationUrl!, decision);
  const result = await command.result;
  return { dataDir, result, pages, authorizationUrl: new URL(authorizationUrl!) };
}

describe('IndieAuth sign-in from the command line', () => {
  it('signs in with PKCE through the loopback redirect and keeps the token for publishing', async () => {
    const { dataDir, result, pages, authorizationUrl } = await addBlogSigningIn('normal');
    expect(result.stderr).toContain('Open this page to sign in to');
    expect(result.status).toBe(0);
    const { blog } = result.json<{ blog: Blog }>();
    expect(blog.protocol).toBe('micropub');
    expect(blog.micropub?.me).toBe(site!.url);
    expect(blog.micropub?.scope).toBe('create update delete undelete media');

    // What the sign-in server saw: the app named by its h-app page, S256, the scopes, no problems.
    expect(site!.auth.clientName).toBe('Postwright');
    expect(pages.authorizationPage).toContain('Postwright wants to create update delete undelete media');
    expect(authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorizationUrl.searchParams.get('me')).toBe(site!.url);
    expect(authorizationUrl.searchParams.get('redirect_uri')).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/callback$/,
    );
    expect(site!.auth.problems).toEqual([]);
    expect(pages.callbackStatus).toBe(200);
    expect(pages.callbackPage).toContain('Return to Postwright');

    // The token works, and sits in the secret store rather than in blogs.json.
    const config = await runCliAsync(['micropub', 'config', '--json'], { dataDir });
    expect(config.status).toBe(0);
    expect(config.json<MicropubConfig>().mediaEndpoint).toBe(site!.mediaUrl);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(`${dataDir}/blogs.json`, 'utf8')).not.toContain('access');
  });

  const refusals: [AuthBehaviour, 'approve' | 'deny', RegExp][] = [
    ['wrong-state', 'approve', /did not belong to this sign-in \(its state did not match\)/],
    [
      'wrong-iss',
      'approve',
      /came from .+https:\/\/impostor\.example\/.+, not from http:\/\/127\.0\.0\.1:\d+\/, so it was refused/,
    ],
    [
      'foreign-me',
      'approve',
      /vouched for http:\/\/127\.0\.0\.1:\d+\/elsewhere\/, but that site declares a different sign-in server/,
    ],
    ['normal', 'deny', /The sign-in was declined on the authorization page/],
    ['token-error', 'approve', /refused to issue a token \(invalid_grant\)/],
  ];
  for (const [behaviour, decision, message] of refusals) {
    it(`refuses the sign-in clearly: ${behaviour === 'normal' ? 'denied authorization' : behaviour}`, async () => {
      const { dataDir, result, pages } = await addBlogSigningIn(behaviour, decision);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toContain('unhandled');
      expect(result.stderr).toMatch(/Sign in again/);
      // The browser tab says the same, and nothing half-added is left behind.
      expect(pages.callbackStatus).toBe(400);
      expect(pages.callbackPage).toContain('Return to Postwright');
      const blogs = await runCliAsync(['blogs', 'list', '--json'], { dataDir });
      expect(blogs.json<Blog[]>()).toEqual([]);
    });
  }

  it('uses the refresh token when the access token has expired', async () => {
    site = await startMicropubSite();
    site.auth.refreshTokens = true;
    const dataDir = tempDir();
    const command = startCli(['blogs', 'add', site.url, '--no-browser'], { dataDir });
    const [, url] = await command.waitFor(AUTH_URL);
    await answerAuthorizationPage(url!, 'approve');
    expect((await command.result).status).toBe(0);
    const firstRefresh = [...site.auth.refresh.keys()];
    expect(firstRefresh).toHaveLength(1);
    // The token was issued for one second: the next command refreshes it before asking.
    const config = await runCliAsync(['micropub', 'config', '--json'], { dataDir });
    expect(config.status).toBe(0);
    expect(site.auth.refresh.has(firstRefresh[0]!)).toBe(false);
    expect(site.auth.refresh.size).toBe(1);
  });

  it('accepts a token pasted by hand, refuses a wrong one, and signs out', async () => {
    site = await startMicropubSite();
    const dataDir = tempDir();
    const wrong = await runCliAsync(['blogs', 'add', site.url, '--token-stdin'], {
      dataDir,
      input: 'not-a-token\n',
    });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/no longer accepts Postwright's sign-in/);
    const right = await runCliAsync(['blogs', 'add', site.url, '--token-stdin'], {
      dataDir,
      input: `${site.auth.issueToken()}\n`,
    });
    expect(right.status).toBe(0);
    expect(right.stdout).toMatch(/^Added .* \(micropub, http:\/\/127\.0\.0\.1:\d+\/micropub\)/);
    const out = await runCliAsync(['micropub', 'sign-out'], { dataDir });
    expect(out.stdout).toMatch(/^Signed out of /);
    const after = await runCliAsync(['micropub', 'config'], { dataDir });
    expect(after.status).toBe(1);
    expect(after.stderr).toMatch(/You are not signed in to .*paste a token/);
  });
});
