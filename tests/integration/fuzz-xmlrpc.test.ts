import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webUrl } from '../../shared/net/safe-link';
import { createHttpClient } from '../../main/core/platform/http';
import { MetaweblogClient } from '../../main/core/publish/metaweblog/client';
import { XmlRpcError } from '../../main/core/publish/xmlrpc/errors';
import { fuzzTally, settle, startScriptedServer } from '../support/fuzz/scripted-server';
import { seededDraws, type SeededDraws } from '../support/seeded-random';

/**
 * Figure R7, XML-RPC half: 2,000 fuzzed answers to every MetaWeblog call the app makes, through the
 * real client over real HTTP. Each must end, before its deadline, in a value that keeps the method's
 * promises (the invariants below) or in an XmlRpcError with a sentence: never a hang, never another
 * kind of exception (a crash), never a value nobody checked.
 */
const CASES = 2000;
const random = seededDraws();
const server = await startScriptedServer();
afterAll(() => server.close());
beforeAll(() =>
  console.log(`XML-RPC fuzz seed ${random.seed} (replay with POSTWRIGHT_TEST_SEED=${random.seed})`),
);

const s = (text: string) => `<value><string>${text}</string></value>`;
const member = (name: string, value: string) => `<member><name>${name}</name>${value}</member>`;
const struct = (...members: string[]) => `<value><struct>${members.join('')}</struct></value>`;
const array = (...values: string[]) => `<value><array><data>${values.join('')}</data></array></value>`;
const response = (value: string) =>
  `<?xml version="1.0"?><methodResponse><params><param>${value}</param></params></methodResponse>`;

const post = struct(
  member('postid', s('42')),
  member('title', s('Bookmarks for November 9th')),
  member('description', s('&lt;p&gt;Hello&lt;/p&gt;')),
  member('dateCreated', '<value><dateTime.iso8601>20091105T09:30:00</dateTime.iso8601></value>'),
  member('categories', array(s('Links'), s('Events'))),
  member('mt_keywords', s('opendata, brighton')),
  member('post_status', s('publish')),
  member('link', s('https://blog.example/2009/11/bookmarks')),
  member('wp_slug', s('bookmarks')),
  member(
    'custom_fields',
    array(
      struct(
        member('id', '<value><int>7</int></value>'),
        member('key', s('postwright_publish_id')),
        member('value', s('abc')),
      ),
    ),
  ),
);

type Method = {
  name: string;
  valid: string;
  call: (client: MetaweblogClient) => Promise<unknown>;
  /** What the app relies on in the value; a string says what broke. */
  check: (value: unknown) => string | null;
};

const isText = (value: unknown) => typeof value === 'string';
const nonEmptyId = (value: unknown) =>
  typeof value === 'string' && value.length > 0 ? null : `id ${JSON.stringify(value)}`;
function checkPost(value: unknown): string | null {
  const p = value as Record<string, unknown>;
  if (nonEmptyId(p.postid)) return nonEmptyId(p.postid);
  for (const field of [
    'title',
    'description',
    'mt_keywords',
    'wp_slug',
    'link',
    'permaLink',
    'mt_excerpt',
    'mt_text_more',
  ])
    if (!isText(p[field])) return `${field} is ${typeof p[field]}`;
  if (!Array.isArray(p.categories) || !p.categories.every(isText)) return 'categories are not strings';
  for (const field of ['dateCreated', 'date_created_gmt']) {
    const date = p[field];
    if (date != null && !(date instanceof Date && !Number.isNaN(date.getTime())))
      return `${field} is not a date`;
  }
  return null;
}

const METHODS: Method[] = [
  {
    name: 'newPost',
    valid: response(s('42')),
    call: (c) => c.newPost({ title: 't' }, true),
    check: nonEmptyId,
  },
  {
    name: 'editPost',
    valid: response('<value><boolean>1</boolean></value>'),
    call: (c) => c.editPost('42', { title: 't' }, true),
    check: (v) => (typeof v === 'boolean' ? null : `not a boolean: ${typeof v}`),
  },
  { name: 'getPost', valid: response(post), call: (c) => c.getPost('42'), check: checkPost },
  {
    name: 'getRecentPosts',
    valid: response(array(post, post)),
    call: (c) => c.getRecentPosts(10),
    check: (v) => (Array.isArray(v) ? (v.map(checkPost).find(Boolean) ?? null) : 'not a list'),
  },
  {
    name: 'getCategories',
    valid: response(array(struct(member('categoryId', s('3')), member('categoryName', s('Links'))))),
    call: (c) => c.getCategories(),
    check: (v) =>
      Array.isArray(v) &&
      v.every((c: Record<string, unknown>) => c.categoryName === undefined || isText(c.categoryName))
        ? null
        : 'categories broken',
  },
  {
    name: 'getUsersBlogs',
    valid: response(
      array(
        struct(
          member('blogid', s('1')),
          member('blogName', s('Blog')),
          member('url', s('https://blog.example/')),
          member('xmlrpc', s('https://blog.example/xmlrpc.php')),
        ),
      ),
    ),
    call: (c) => c.getUsersBlogs(),
    check: (v) =>
      Array.isArray(v) &&
      v.every((b: Record<string, unknown>) => !nonEmptyId(b.blogid) && isText(b.blogName) && isText(b.url))
        ? null
        : 'blogs broken',
  },
  {
    name: 'newMediaObject',
    valid: response(
      struct(
        member('id', s('9')),
        member('file', s('pier.png')),
        member('url', s('https://blog.example/pier.png')),
      ),
    ),
    call: (c) => c.newMediaObject({ name: 'pier.png', type: 'image/png', bits: new Uint8Array([1, 2, 3]) }),
    // The URL goes into the published post's <img src>: only a web address may.
    check: (v) => {
      const url = (v as { url?: unknown }).url;
      return typeof url === 'string' && webUrl(url) !== null ? null : `media url ${JSON.stringify(url)}`;
    },
  },
  {
    name: 'listMethods',
    valid: response(array(s('metaWeblog.newPost'), s('wp.getMediaLibrary'))),
    call: (c) => c.listMethods(),
    check: (v) => (Array.isArray(v) && v.every(isText) ? null : 'methods broken'),
  },
];

const FAULT =
  '<?xml version="1.0"?><methodResponse><fault><value><struct><member><name>faultCode</name><value><int>403</int></value></member><member><name>faultString</name><value><string>Incorrect username or password.</string></value></member></struct></value></fault></methodResponse>';

const NASTY_VALUES = [
  '<value><int>99999999999999999999999999999999999999999999999</int></value>',
  '<value><i4>-2147483649</i4></value>',
  '<value><double>NaN</double></value>',
  '<value><double>1e400</double></value>',
  '<value><boolean>2</boolean></value>',
  '<value><dateTime.iso8601>99999999T99:99:99</dateTime.iso8601></value>',
  '<value><dateTime.iso8601>20091305T25:61:00</dateTime.iso8601></value>',
  '<value><base64>!!!not base64***</base64></value>',
  '<value><nil/></value>',
  '<value></value>',
  '<value><struct></struct></value>',
  '<value><array><data></data></array></value>',
  '<value><string>&unknown;</string></value>',
  '<value><string>&#0;&#xD800;</string></value>',
  '<value><string><![CDATA[<script>alert(1)</script>]]></string></value>',
  '<value><string>javascript:alert(1)</string></value>',
  '<value><string>data:text/html,<script>alert(1)</script></string></value>',
  `<value><string>${'x'.repeat(300_000)}</string></value>`,
  '<value><struct><member><name>__proto__</name><value><string>polluted</string></value></member></struct></value>',
  '<value><struct><member><name>constructor</name><value><int>1</int></value></member></struct></value>',
];

function mutate(text: string, r: SeededDraws): string {
  switch (r.int(11)) {
    case 0: {
      const at = r.int(text.length);
      return text.slice(0, at) + String.fromCharCode(r.int(128)) + text.slice(at + 1);
    }
    case 1:
      return text.slice(0, r.int(text.length));
    case 2: {
      const at = r.int(text.length);
      return text.slice(0, at) + text.slice(r.int(text.length), r.int(text.length)) + text.slice(at);
    }
    case 3: {
      const tags = [
        'string',
        'int',
        'i4',
        'boolean',
        'double',
        'struct',
        'array',
        'base64',
        'dateTime.iso8601',
      ];
      const from = r.pick(tags);
      const to = r.pick(tags);
      return text.split(`<${from}>`).join(`<${to}>`).split(`</${from}>`).join(`</${to}>`);
    }
    case 4: {
      // Put a nasty value in place of the first or a random value.
      const values = [...text.matchAll(/<value>(?:(?!<value>).)*?<\/value>/gs)];
      if (!values.length) return text;
      const target = r.pick(values);
      return (
        text.slice(0, target.index) + r.pick(NASTY_VALUES) + text.slice(target.index! + target[0].length)
      );
    }
    case 5: {
      const depth = 1 + r.int(r.next() < 0.2 ? 20_000 : 100);
      return response(
        '<value><array><data>'.repeat(depth) + s('deep') + '</data></array></value>'.repeat(depth),
      );
    }
    case 6:
      return text.replace(
        '<?xml version="1.0"?>',
        '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x "xxxxxxxxxx">]>',
      );
    case 7:
      return text.replace(
        /<name>[^<]*<\/name>/,
        `<name>${r.pick(['', 'postid', 'url', '__proto__', 'x'.repeat(5000)])}</name>`,
      );
    case 8:
      return r.pick([
        FAULT,
        FAULT.replace('<int>403</int>', '<string>oops</string>'),
        FAULT.replace('<struct>', '<array><data>'),
      ]);
    case 9:
      return r.pick(METHODS).valid;
    default:
      return r.bytes(1 + r.int(2000)).toString('latin1');
  }
}

describe(`${CASES} fuzzed XML-RPC answers`, () => {
  it('end in a checked value or an XmlRpcError, by the deadline, every one', async () => {
    const client = new MetaweblogClient(
      createHttpClient('Postwright-fuzz'),
      { endpoint: `${server.origin}/xmlrpc.php`, remoteBlogId: '1', username: 'author', password: 'secret' },
      { limits: { timeoutMs: 3000, maxResponseBytes: 2 * 1024 * 1024 } },
    );
    const { tally, record, summary } = fuzzTally(
      (error) => error instanceof XmlRpcError && error.message.length > 0,
    );
    for (let n = 0; n < CASES; n++) {
      const method = random.pick(METHODS);
      // A few answers stay valid, so the fuzz also proves good answers still come through.
      let body = method.valid;
      for (let times = random.int(4); times > 0; times--) body = mutate(body, random);
      const status =
        random.next() < 0.85 ? 200 : random.pick([201, 204, 301, 302, 400, 401, 404, 429, 500, 503]);
      const headers: Record<string, string> = {
        'Content-Type': random.pick([
          'text/xml',
          'text/xml; charset=utf-8',
          'text/html',
          'application/json',
          '',
        ]),
        ...(status >= 300 && status < 400
          ? {
              Location: random.pick([
                'http://169.254.169.254/',
                'file:///etc/passwd',
                '/elsewhere',
                'http://other.example/',
              ]),
            }
          : {}),
        ...(status === 429 || status === 503
          ? { 'Retry-After': random.pick(['5', '-1', 'soon', '99999999999']) }
          : {}),
      };
      server.answer({ status, headers, body });
      const label = `case ${n} (seed ${random.seed}): ${method.name} HTTP ${status} ${JSON.stringify(body.slice(0, 160))}`;
      record(label, await settle(() => method.call(client), 6000), method.check);
    }
    console.log(summary('XML-RPC fuzz', CASES));
    expect(tally.hangs).toEqual([]);
    expect(tally.crashes).toEqual([]);
    expect(tally.unchecked).toEqual([]);
  }, 600_000);
});
