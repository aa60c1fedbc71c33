import { describe, expect, it } from 'vitest';
import { CoreFailure } from '../../shared/contract/errors';
import type { CoreClient } from '../../shared/contract/client';
import { withFirstCalls } from '../../shared/contract/first-calls';

/** A client that records what goes out and answers each call with its number. */
function recordingClient(fail = false) {
  const sent: { method: string; args: unknown }[] = [];
  const client = {
    call: (method: string, args: unknown) => {
      sent.push({ method, args });
      return fail
        ? Promise.reject(new CoreFailure('disconnected', 'Lost the connection to Postwright; try again.'))
        : Promise.resolve(sent.length);
    },
    on: () => () => undefined,
    failPending: () => undefined,
  } as unknown as CoreClient;
  return { client, sent };
}

describe('the first calls of a window', () => {
  it('go out together when the client is made, and the first ask of each is answered from them', async () => {
    const { client, sent } = recordingClient();
    const first = withFirstCalls(client, ['ui-state-get', 'settings-get']);
    expect(sent.map((call) => call.method)).toEqual(['ui-state-get', 'settings-get']);

    expect(await first.call('settings-get', {})).toBe(2);
    expect(await first.call('ui-state-get', {})).toBe(1);
    expect(sent).toHaveLength(2);
  });

  it('a second ask, or one with arguments, goes out as usual', async () => {
    const { client, sent } = recordingClient();
    const first = withFirstCalls(client, ['settings-get']);
    await first.call('settings-get', {});
    expect(await first.call('settings-get', {})).toBe(2);
    expect(await first.call('drafts-page', { query: '', offset: 0, limit: 100 })).toBe(3);
    expect(sent.map((call) => call.method)).toEqual(['settings-get', 'settings-get', 'drafts-page']);
  });

  it('a first call that failed is answered with its failure when asked, and nothing is left unhandled', async () => {
    const { client } = recordingClient(true);
    const first = withFirstCalls(client, ['ui-state-get', 'settings-get']);
    await expect(first.call('ui-state-get', {})).rejects.toThrow('Lost the connection');
    // settings-get is never asked for: vitest fails the run on an unhandled rejection.
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
});
