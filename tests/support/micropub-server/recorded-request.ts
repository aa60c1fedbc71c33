import type { IncomingMessage } from 'node:http';

/** A part of a multipart body: text fields keep their value, files their name, type, size and bytes. */
export interface RecordedPart {
  name: string;
  value?: string;
  filename?: string;
  type?: string;
  size?: number;
  data?: Buffer;
}

/** One request as the server saw it, kept so a case can be judged after the client has run. */
export interface RecordedRequest {
  method: string;
  /** Path and query exactly as sent. */
  url: string;
  path: string;
  query: [string, string][];
  authorization: string | null;
  contentType: string;
  /** application/x-www-form-urlencoded and multipart text fields, in order. */
  fields: [string, string][];
  parts: RecordedPart[];
  json: unknown;
  raw: string;
}

export async function readRequest(request: IncomingMessage, base: string): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const url = new URL(request.url ?? '/', base);
  const contentType = String(request.headers['content-type'] ?? '');
  const recorded: RecordedRequest = {
    method: request.method ?? 'GET',
    url: request.url ?? '/',
    path: url.pathname,
    query: [...url.searchParams],
    authorization: request.headers.authorization ?? null,
    contentType,
    fields: [],
    parts: [],
    json: undefined,
    raw: contentType.startsWith('multipart/') ? '' : body.toString('utf8'),
  };
  if (contentType.startsWith('application/json')) {
    try {
      recorded.json = JSON.parse(body.toString('utf8'));
    } catch {
      recorded.json = null;
    }
  } else if (contentType.startsWith('application/x-www-form-urlencoded')) {
    recorded.fields = [...new URLSearchParams(body.toString('utf8'))];
  } else if (contentType.startsWith('multipart/form-data')) {
    // undici parses multipart bodies the way a server framework would.
    const form = await new Request(url, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    }).formData();
    for (const [name, value] of form) {
      if (typeof value === 'string') {
        recorded.fields.push([name, value]);
        recorded.parts.push({ name, value });
      } else {
        const data = Buffer.from(await value.arrayBuffer());
        recorded.parts.push({ name, filename: value.name, type: value.type, size: value.size, data });
      }
    }
  }
  return recorded;
}

/** Values of a form field, whether sent as `name` or `name[]`. */
export function fieldValues(fields: [string, string][], name: string): string[] {
  return fields.filter(([key]) => key === name || key === `${name}[]`).map(([, value]) => value);
}
