import { resolveLocation } from './endpoint-url';
import { failureFromResponse, readBodyError, type RequestContext } from './micropub-errors';
import { asList } from './micropub-responses';
import type { MicropubAction, MicropubUpdate } from './micropub-types';

/** An answer as the client reads it: status, body text (size-capped), lower-cased headers. */
export interface RawResponse {
  status: number;
  body: string;
  headers: Record<string, string | undefined>;
  url: string;
}

/** HTTP 200 whose body is an error document: some servers report failures that way. */
export function bodyHoldsError(answer: RawResponse): boolean {
  if (!answer.body.trim().startsWith('{')) return false;
  try {
    const json = JSON.parse(answer.body) as Record<string, unknown>;
    return typeof json.error === 'string' && json.error.length > 0;
  } catch {
    return false;
  }
}

/** Properties whose change may move a post: WordPress re-slugs on a new name; dates and status shape permalinks. */
export const MAY_MOVE = ['name', 'mp-slug', 'published', 'post-status'];

export function changedProperties(update: MicropubUpdate): string[] {
  const removed = Array.isArray(update.delete) ? update.delete : Object.keys(update.delete ?? {});
  return [...new Set([...Object.keys(update.replace ?? {}), ...Object.keys(update.add ?? {}), ...removed])];
}

/**
 * The post's address in a JSON answer: `url`, `post_url` (WordPress's row of the post; its `guid`
 * is the address the post was created at, not where it is now), `location`, or an mf2 `properties.url`.
 */
export function postUrlInBody(answer: RawResponse): string | null {
  const error = readBodyError(answer.body, answer.headers['content-type'] ?? '');
  if (error?.error) return null;
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(answer.body) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (!json || typeof json !== 'object') return null;
  const properties = json.properties as Record<string, unknown> | undefined;
  for (const raw of [json.url, json.post_url, json.location, properties?.url]) {
    const first = asList(raw)[0];
    if (typeof first === 'string') return resolveLocation(first, answer.url);
  }
  return null;
}

/** A create or upload answer: 201/202 (or 200 with a Location) and no error in the body; its address. */
export function createdAddress(
  answer: RawResponse,
  action: MicropubAction,
  context: RequestContext = {},
): string | null {
  const ok =
    answer.status === 201 || answer.status === 202 || (answer.status === 200 && !!answer.headers.location);
  if (!ok || bodyHoldsError(answer)) throw failureFromResponse(action, answer, context);
  if (answer.headers.location) return resolveLocation(answer.headers.location, answer.url);
  return postUrlInBody(answer);
}

/** An update or action answer: 200, 201, 202 or 204, and no error in the body. */
export function expectSuccess(answer: RawResponse, action: MicropubAction, context: RequestContext): void {
  const ok = answer.status === 200 || answer.status === 201 || answer.status === 202 || answer.status === 204;
  if (!ok || bodyHoldsError(answer)) throw failureFromResponse(action, answer, context);
}
