import type { InternalAxiosRequestConfig } from 'axios';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpClient } from '../../main/core/platform/http';
import { MicropubClient } from '../../main/core/publish/micropub/micropub-client';
import { jsonCreate } from '../../main/core/publish/micropub/request-body';
import type { MicropubCreate } from '../../main/core/publish/micropub/micropub-types';

afterEach(() => vi.restoreAllMocks());

/** A client whose HTTP stack answers 201 at once and keeps what it was asked to send. */
function answeringClient() {
  const http = createHttpClient('Postwright-test');
  const sent: InternalAxiosRequestConfig[] = [];
  http.defaults.adapter = async (config) => {
    sent.push(config);
    return { data: '', status: 201, statusText: 'Created', headers: { location: '/posts/1' }, config };
  };
  const client = new MicropubClient({ http, endpoint: 'http://127.0.0.1:9/micropub', token: 'secret' });
  return { client, sent };
}

const post: MicropubCreate = {
  type: 'h-entry',
  properties: { name: ['A post'], content: [{ html: '<p>Brighton &amp; Hove, 9.30–12.30</p>' }] },
};

describe('a Micropub request body', () => {
  it('goes out as encoded once: a JSON create is not parsed again on the way', async () => {
    const { client, sent } = answeringClient();
    const parse = vi.spyOn(JSON, 'parse');
    const created = await client.create(post, 'json');
    expect(created).toEqual({ url: 'http://127.0.0.1:9/posts/1', status: 201 });
    // axios' default request transform parses a JSON string body only to check that it is JSON.
    expect(parse).not.toHaveBeenCalled();
    expect(sent[0]!.data).toBe(jsonCreate(post));
    expect(sent[0]!.headers['Content-Type']).toBe('application/json');
  });

  it('keeps the form and multipart encodings as they were', async () => {
    const { client, sent } = answeringClient();
    const plain: MicropubCreate = { type: 'h-entry', properties: { content: ['Hello & goodbye'] } };
    await client.create(plain, 'form');
    await client.create(plain, 'multipart');
    expect(sent[0]!.data).toBe('h=entry&content=Hello+%26+goodbye');
    expect(sent[0]!.headers['Content-Type']).toBe('application/x-www-form-urlencoded');
    expect(sent[1]!.data).toBeInstanceOf(FormData);
  });
});
