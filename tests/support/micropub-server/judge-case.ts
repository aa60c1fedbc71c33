import type { MicropubSite } from './micropub-site';
import { SYNDICATION_TARGETS } from './micropub-site';
import { fieldValues, type RecordedRequest } from './recorded-request';

type Check = (requests: RecordedRequest[], site: MicropubSite) => string[];

const isForm = (r: RecordedRequest) => r.contentType.startsWith('application/x-www-form-urlencoded');
const isJson = (r: RecordedRequest) => r.contentType.startsWith('application/json');
const isMultipart = (r: RecordedRequest) => r.contentType.startsWith('multipart/form-data');
const onMicropub = (r: RecordedRequest) => r.path === '/micropub';
const isCreate = (r: RecordedRequest) =>
  onMicropub(r) &&
  r.method === 'POST' &&
  !fieldValues(r.fields, 'action').length &&
  !(r.json && typeof r.json === 'object' && 'action' in r.json);

function properties(r: RecordedRequest): Record<string, unknown[]> {
  return ((r.json as { properties?: Record<string, unknown[]> }) ?? {}).properties ?? {};
}

const isUrl = (value: unknown) => typeof value === 'string' && /^https?:\/\//.test(value);

/** The one request a case is about, or a problem saying it never came. */
function one(requests: RecordedRequest[], what: string, match: (r: RecordedRequest) => boolean) {
  const found = requests.filter(match);
  return found.length
    ? { request: found[found.length - 1]!, problems: [] }
    : { request: null, problems: [`no ${what}`] };
}

function formCreate(requests: RecordedRequest[], extra: (r: RecordedRequest) => string[]): string[] {
  const { request, problems } = one(requests, 'form-encoded create', (r) => isCreate(r) && isForm(r));
  if (!request) return problems;
  const out: string[] = [];
  if (fieldValues(request.fields, 'h')[0] !== 'entry') out.push('h=entry missing');
  return [...out, ...extra(request)];
}

function jsonCreate(requests: RecordedRequest[], extra: (r: RecordedRequest) => string[]): string[] {
  const { request, problems } = one(requests, 'JSON create', (r) => isCreate(r) && isJson(r));
  if (!request) return problems;
  const body = request.json as { type?: unknown; properties?: Record<string, unknown> };
  const out: string[] = [];
  if (!Array.isArray(body.type) || !String(body.type[0]).startsWith('h-')) out.push('type is not ["h-..."]');
  for (const [name, value] of Object.entries(body.properties ?? {})) {
    if (!Array.isArray(value)) out.push(`property ${name} is not an array`);
  }
  return [...out, ...extra(request)];
}

function update(requests: RecordedRequest[], extra: (body: Record<string, unknown>) => string[]): string[] {
  const { request, problems } = one(
    requests,
    'JSON update',
    (r) => onMicropub(r) && isJson(r) && (r.json as { action?: string })?.action === 'update',
  );
  if (!request) return problems;
  const body = request.json as Record<string, unknown>;
  return [...(isUrl(body.url) ? [] : ['update without url']), ...extra(body)];
}

function action(name: string): Check {
  return (requests) => {
    const { request, problems } = one(
      requests,
      `${name} request`,
      (r) =>
        onMicropub(r) &&
        r.method === 'POST' &&
        (fieldValues(r.fields, 'action')[0] === name || (r.json as { action?: string })?.action === name),
    );
    if (!request) return problems;
    const url = fieldValues(request.fields, 'url')[0] ?? (request.json as { url?: string })?.url;
    return isUrl(url) ? [] : [`${name} without url`];
  };
}

function queried(requests: RecordedRequest[], q: string): RecordedRequest | undefined {
  return requests.find(
    (r) => onMicropub(r) && r.method === 'GET' && r.query.some(([k, v]) => k === 'q' && v === q),
  );
}

/** What each numbered client case of MICROPUB.md requires of the requests the client sent. */
export const CASES: Record<number, Check> = {
  100: (rs) =>
    formCreate(rs, (r) => {
      const content = fieldValues(r.fields, 'content');
      return content.length === 1 && !/<[a-z]/i.test(content[0]!)
        ? []
        : ['content is not one plain-text value'];
    }),
  101: (rs) =>
    formCreate(rs, (r) =>
      r.fields.filter(([k]) => k === 'category[]').length >= 2
        ? []
        : ['several categories not sent as category[]'],
    ),
  104: (rs) =>
    formCreate(rs, (r) =>
      ['photo', 'video', 'audio'].some((p) => fieldValues(r.fields, p).some(isUrl))
        ? []
        : ['no photo/video/audio URL'],
    ),
  105: (rs) => {
    const asked = queried(rs, 'config') ?? queried(rs, 'syndicate-to');
    const { request, problems } = one(rs, 'create', isCreate);
    if (!request) return problems;
    const uids = [
      ...fieldValues(request.fields, 'mp-syndicate-to'),
      ...(properties(request)['mp-syndicate-to'] ?? []),
    ];
    const known = SYNDICATION_TARGETS.map((t) => t.uid);
    return [
      ...(asked ? [] : ['syndication targets were not queried']),
      ...(uids.length && uids.every((uid) => known.includes(uid as string))
        ? []
        : ['mp-syndicate-to missing or unknown']),
    ];
  },
  106: (rs) =>
    formCreate(rs, (r) => (r.authorization?.startsWith('Bearer ') ? [] : ['no bearer token header'])),
  107: (rs) =>
    formCreate(rs, (r) =>
      r.fields.filter(([k]) => k === 'category').length === 1 && !r.fields.some(([k]) => k === 'category[]')
        ? []
        : ['single category not sent as category'],
    ),
  // As the public test suite judges it: a plain post's content is a string, not {html}.
  200: (rs) =>
    jsonCreate(rs, (r) =>
      typeof properties(r).content?.[0] === 'string' ? [] : ['content is not a string'],
    ),
  201: (rs) =>
    jsonCreate(rs, (r) => ((properties(r).category?.length ?? 0) >= 2 ? [] : ['fewer than two categories'])),
  202: (rs) =>
    jsonCreate(rs, (r) => {
      const content = properties(r).content?.[0] as { html?: string } | undefined;
      return typeof content?.html === 'string' && /<[a-z]/i.test(content.html)
        ? []
        : ['content is not [{html}]'];
    }),
  203: (rs) =>
    jsonCreate(rs, (r) => {
      const files = ['photo', 'video', 'audio'].flatMap((p) => properties(r)[p] ?? []);
      return files.length && files.every((f) => isUrl(f) || isUrl((f as { value?: string }).value))
        ? []
        : ['no file by URL'];
    }),
  204: (rs) =>
    jsonCreate(rs, (r) => {
      const nested = Object.values(properties(r))
        .flat()
        .some((v) => v && typeof v === 'object' && Array.isArray((v as { type?: unknown }).type));
      return nested ? [] : ['no nested microformats2 object'];
    }),
  205: (rs) =>
    jsonCreate(rs, (r) => {
      const photo = properties(r).photo?.[0] as { value?: string; alt?: string } | undefined;
      return isUrl(photo?.value) && photo?.alt ? [] : ['photo is not {value, alt}'];
    }),
  300: (rs) => {
    const { request, problems } = one(rs, 'multipart create', (r) => isCreate(r) && isMultipart(r));
    if (!request) return problems;
    return request.parts.some((p) => p.filename && ['photo', 'video', 'audio', 'photo[]'].includes(p.name))
      ? []
      : ['no file part named photo, video or audio'];
  },
  301: (rs) => {
    const { request, problems } = one(rs, 'multipart create', (r) => isCreate(r) && isMultipart(r));
    if (!request) return problems;
    return request.authorization && !fieldValues(request.fields, 'access_token').length
      ? []
      : ['double or missing auth'];
  },
  // The public suite's cases: content replaced by a string of three words or more, "foo" added to
  // and removed from category.
  400: (rs) =>
    update(rs, (b) => {
      const content = (b.replace as Record<string, unknown[]> | undefined)?.content?.[0];
      return typeof content === 'string' && content.split(' ').length >= 3
        ? []
        : ['content not replaced by a string of three words or more'];
    }),
  401: (rs) =>
    update(rs, (b) =>
      (b.add as Record<string, unknown[]> | undefined)?.category?.[0] === 'foo'
        ? []
        : ['no add of "foo" to category'],
    ),
  402: (rs) =>
    update(rs, (b) =>
      b.delete && !Array.isArray(b.delete) && (b.delete as Record<string, unknown[]>).category?.[0] === 'foo'
        ? []
        : ['no removal of "foo" from category'],
    ),
  403: (rs) =>
    update(rs, (b) =>
      Array.isArray(b.delete) && b.delete.includes('category') ? [] : ['no delete of the category property'],
    ),
  500: action('delete'),
  502: action('undelete'),
  600: (rs) => (queried(rs, 'config') ? [] : ['q=config not queried']),
  601: (rs) => (queried(rs, 'syndicate-to') ? [] : ['q=syndicate-to not queried']),
  602: (rs) => {
    const r = queried(rs, 'source');
    if (!r) return ['q=source not queried'];
    return [
      ...(r.query.some(([k, v]) => k === 'url' && isUrl(v)) ? [] : ['no url']),
      ...(r.query.some(([k]) => k === 'properties[]' || k === 'properties') ? ['properties asked for'] : []),
    ];
  },
  603: (rs) => {
    const r = queried(rs, 'source');
    if (!r) return ['q=source not queried'];
    const asked = r.query.filter(([k]) => k === 'properties[]').map(([, v]) => v);
    return asked.includes('content') && asked.includes('category')
      ? []
      : ['properties[] not content and category'];
  },
  700: (rs) => {
    const upload = rs.find((r) => r.path === '/media' && r.method === 'POST');
    const create = rs.find(isCreate);
    if (!queried(rs, 'config')) return ['media endpoint not found in q=config'];
    if (!upload) return ['nothing uploaded to the media endpoint'];
    if (!upload.parts.some((p) => p.name === 'file' && p.filename)) return ['upload has no part named file'];
    if (!create) return ['no create'];
    if (create.parts.some((p) => p.filename)) return ['the file was also sent to the Micropub endpoint'];
    const mediaUrls = create.json ? JSON.stringify(create.json) : create.fields.map(([, v]) => v).join(' ');
    if (!mediaUrls.includes('/media/')) return ['the post does not use the uploaded URL'];
    // The public suite takes only a plain URL as the photo of this case.
    return create.json && !isUrl(properties(create).photo?.[0]) ? ['photo is not a URL'] : [];
  },
};

/** Problems with what the client sent for case `id`, plus those every case forbids. Empty = passed. */
export function judgeCase(id: number, site: MicropubSite): string[] {
  const check = CASES[id];
  if (!check) return [`unknown case ${id}`];
  return [...check(site.log, site), ...site.violations];
}
