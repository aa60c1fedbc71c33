import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreFailure } from '../../shared/contract/errors';
import { mf2PropertiesSchema } from '../../shared/model/micropub';
import { webUrl } from '../../shared/net/safe-link';
import { createHttpClient } from '../../main/core/platform/http';
import { authServerOfProfile, resolveAuthServer } from '../../main/core/publish/indieauth/auth-server';
import { requestToken } from '../../main/core/publish/indieauth/token-endpoint';
import { MicropubClient } from '../../main/core/publish/micropub/micropub-client';
import { fuzzTally, settle, startScriptedServer } from '../support/fuzz/scripted-server';
import { seededDraws, type SeededDraws } from '../support/seeded-random';

/**
 * Figure R7, Micropub and IndieAuth half: 1,000 fuzzed answers to every Micropub request and every
 * IndieAuth step, through the real clients over real HTTP. Each must end, before its deadline, in a
 * value that keeps its promises or a CoreFailure with a sentence.
 */
const CASES = 1000;
const random = seededDraws();
const server = await startScriptedServer();
afterAll(() => server.close());
beforeAll(() =>
  console.log(
    `Micropub/IndieAuth fuzz seed ${random.seed} (replay with POSTWRIGHT_TEST_SEED=${random.seed})`,
  ),
);

const http = createHttpClient('Postwright-fuzz');
const site = () => server.origin;
const isWeb = (value: unknown) => typeof value === 'string' && webUrl(value) !== null;
const isText = (value: unknown) => typeof value === 'string';
const web = (what: string, value: unknown) =>
  isWeb(value) ? null : `${what} ${JSON.stringify(value)?.slice(0, 80)}`;
const checkServer = (value: unknown) => {
  const s = value as { issuer: unknown; authorizationEndpoint: unknown; tokenEndpoint: unknown };
  return (
    (s.issuer === null ? null : web('issuer', s.issuer)) ??
    web('authorization endpoint', s.authorizationEndpoint) ??
    web('token endpoint', s.tokenEndpoint)
  );
};
const checkSource = (value: unknown) => {
  const source = value as { type?: unknown; properties?: unknown };
  if (!Array.isArray(source.type) || !source.type.every(isText)) return 'type is not a list of strings';
  return mf2PropertiesSchema.safeParse(source.properties).success ? null : 'properties are not mf2';
};

type Step = {
  name: string;
  /** A valid answer: status, headers and a JSON body (or text). */
  valid: () => { status: number; headers: Record<string, string>; body: unknown };
  call: () => Promise<unknown>;
  check: (value: unknown) => string | null;
};

const micropub = () =>
  new MicropubClient({
    http,
    endpoint: `${site()}/micropub`,
    mediaEndpoint: `${site()}/media`,
    token: 'secret',
    timeoutMs: 3000,
  });
const json = { 'Content-Type': 'application/json' };
const entry = {
  type: ['h-entry'],
  properties: { name: ['Hello'], content: [{ html: '<p>Hi</p>' }], category: ['links'] },
};

const STEPS: Step[] = [
  {
    name: 'create',
    valid: () => ({ status: 201, headers: { Location: `${site()}/2009/11/hello` }, body: '' }),
    call: () => micropub().create({ type: 'h-entry', properties: { content: ['Hi'] } }, 'json'),
    check: (v) => {
      const { url, status } = v as { url: unknown; status: unknown };
      return typeof status !== 'number' ? 'status' : url === null ? null : web('post url', url);
    },
  },
  {
    name: 'upload',
    valid: () => ({ status: 201, headers: { Location: `${site()}/media/pier.png` }, body: '' }),
    call: () =>
      micropub().upload({
        filename: 'pier.png',
        mimeType: 'image/png',
        data: new Uint8Array([137, 80, 78, 71]),
      }),
    check: (v) => web('media url', v),
  },
  {
    name: 'update',
    valid: () => ({ status: 204, headers: {}, body: '' }),
    call: () => micropub().update(`${site()}/2009/11/hello`, { replace: { name: ['New'] } }),
    check: (v) => web('post url', v),
  },
  {
    name: 'delete',
    valid: () => ({ status: 204, headers: {}, body: '' }),
    call: () => micropub().delete(`${site()}/p/1`),
    check: (v) => (v === undefined ? null : 'a value'),
  },
  {
    name: 'config',
    valid: () => ({
      status: 200,
      headers: json,
      body: { 'media-endpoint': `${site()}/media`, 'syndicate-to': [{ uid: 'x', name: 'X' }] },
    }),
    call: () => micropub().config(),
    check: (v) => {
      const c = v as {
        mediaEndpoint: unknown;
        syndicateTo: unknown;
        destinations: unknown;
        postTypes: unknown;
        queries: unknown;
      };
      if (c.mediaEndpoint !== null && !isWeb(c.mediaEndpoint))
        return `media endpoint ${JSON.stringify(c.mediaEndpoint)}`;
      for (const list of [c.syndicateTo, c.destinations])
        if (
          !Array.isArray(list) ||
          !list.every((t: { uid: unknown; name: unknown }) => isText(t.uid) && isText(t.name))
        )
          return 'targets';
      if (!Array.isArray(c.queries) || !c.queries.every(isText)) return 'queries';
      return Array.isArray(c.postTypes) ? null : 'post types';
    },
  },
  {
    name: 'categories',
    valid: () => ({ status: 200, headers: json, body: { categories: ['links', 'events'] } }),
    call: () => micropub().categories(),
    check: (v) => (Array.isArray(v) && v.every(isText) ? null : 'categories'),
  },
  {
    name: 'source',
    valid: () => ({ status: 200, headers: json, body: entry }),
    call: () => micropub().source(`${site()}/p/1`),
    check: checkSource,
  },
  {
    name: 'recent',
    valid: () => ({ status: 200, headers: json, body: { items: [entry, entry] } }),
    call: () => micropub().recent(20),
    check: (v) =>
      v === null ? null : Array.isArray(v) ? (v.map(checkSource).find(Boolean) ?? null) : 'not a list',
  },
  {
    name: 'indieauth metadata',
    valid: () => ({
      status: 200,
      headers: json,
      body: {
        issuer: `${site()}/`,
        authorization_endpoint: `${site()}/auth`,
        token_endpoint: `${site()}/token`,
        code_challenge_methods_supported: ['S256'],
      },
    }),
    call: () =>
      resolveAuthServer(http, { indieauthMetadata: `${site()}/.well-known/oauth-authorization-server` }),
    check: checkServer,
  },
  {
    name: 'profile page',
    valid: () => ({
      status: 200,
      headers: { 'Content-Type': 'text/html', Link: `<${site()}/auth>; rel="authorization_endpoint"` },
      body: `<html><head><link rel="token_endpoint" href="/token"></head></html>`,
    }),
    call: () => authServerOfProfile(http, `${site()}/`),
    check: checkServer,
  },
  {
    name: 'token',
    valid: () => ({
      status: 200,
      headers: json,
      body: {
        access_token: 'abc',
        token_type: 'Bearer',
        scope: 'create media',
        me: `${site()}/`,
        expires_in: 3600,
      },
    }),
    call: () =>
      requestToken(
        http,
        `${site()}/token`,
        { grant_type: 'authorization_code', code: 'c', client_id: `${site()}/app` },
        new Date(0),
      ),
    check: (v) => {
      const t = v as Record<string, unknown>;
      if (!isText(t.accessToken) || (t.accessToken as string).length === 0) return 'access token';
      if (!isText(t.scope)) return 'scope';
      if (t.expiresAt !== null && Number.isNaN(Date.parse(String(t.expiresAt))))
        return `expiresAt ${String(t.expiresAt)}`;
      return null;
    },
  },
];

const NASTY: unknown[] = [
  null,
  true,
  -1,
  1e308,
  'x'.repeat(200_000),
  'javascript:alert(1)',
  'file:///etc/passwd',
  'http://169.254.169.254/latest/',
  'https://user:pass@evil.example/',
  [],
  {},
  [[[[[[]]]]]],
  { constructor: { prototype: { polluted: true } } },
  '<script>alert(1)</script>',
  '\u0000\ud800',
];

/** Changes one value somewhere in a JSON document, or the shape of the whole. */
function mutateJson(value: unknown, r: SeededDraws, depth = 0): unknown {
  if (depth > 6 || r.next() < 0.3) return r.pick(NASTY);
  if (Array.isArray(value)) {
    if (!value.length) return [r.pick(NASTY)];
    const copy = [...value];
    copy[r.int(copy.length)] = mutateJson(copy[r.int(copy.length)], r, depth + 1);
    return r.next() < 0.1 ? Array.from({ length: 5000 }, (_, n) => `item ${n}`) : copy;
  }
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    const key =
      keys.length && r.next() < 0.8
        ? r.pick(keys)
        : r.pick(['error', 'items', 'type', 'properties', '__proto__', 'url']);
    copy[key] = mutateJson(copy[key], r, depth + 1);
    return copy;
  }
  return r.pick(NASTY);
}

function answerFor(step: Step, r: SeededDraws) {
  const valid = step.valid();
  const roll = r.next();
  let body: string | Buffer =
    typeof valid.body === 'string'
      ? valid.body
      : JSON.stringify(roll < 0.15 ? valid.body : mutateJson(valid.body, r));
  const headers = { ...valid.headers };
  let status = valid.status;
  if (roll > 0.6) status = r.pick([200, 201, 202, 204, 301, 302, 400, 401, 403, 404, 413, 429, 500, 502]);
  if (r.next() < 0.3) headers.Location = String(r.pick(NASTY.filter((item) => typeof item === 'string')));
  if (r.next() < 0.15)
    headers['Content-Type'] = r.pick(['text/html', 'application/json; charset=x-evil', 'image/png', '']);
  if (r.next() < 0.1) body = r.bytes(r.int(3000));
  if (r.next() < 0.08) body = typeof body === 'string' ? body.slice(0, r.int(body.length + 1)) : body;
  if (r.next() < 0.05) body = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
  if (r.next() < 0.05)
    body =
      '{"__proto__":{"polluted":true},"items":[{"__proto__":{"polluted":true}}],"properties":{"__proto__":["x"]}}';
  if (r.next() < 0.05)
    body = JSON.stringify({ error: r.pick(NASTY), error_description: r.pick(NASTY), scope: r.pick(NASTY) });
  return { status, headers, body };
}

describe(`${CASES} fuzzed Micropub and IndieAuth answers`, () => {
  it('end in a checked value or a CoreFailure, by the deadline, every one', async () => {
    const { tally, record, summary } = fuzzTally(
      (error) => error instanceof CoreFailure && error.message.length > 0,
    );
    for (let n = 0; n < CASES; n++) {
      const step = random.pick(STEPS);
      const answer = answerFor(step, random);
      server.answer(answer);
      const label = `case ${n} (seed ${random.seed}): ${step.name} HTTP ${answer.status} ${JSON.stringify(answer.headers).slice(0, 200)} ${JSON.stringify(String(answer.body).slice(0, 120))}`;
      record(label, await settle(step.call, 25_000), step.check);
      expect(({} as { polluted?: boolean }).polluted, label).toBeUndefined();
    }
    console.log(summary('Micropub/IndieAuth fuzz', CASES));
    expect(tally.hangs).toEqual([]);
    expect(tally.crashes).toEqual([]);
    expect(tally.unchecked).toEqual([]);
  }, 900_000);
});
