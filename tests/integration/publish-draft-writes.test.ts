import { expect, it } from 'vitest';
import type { DraftSummary } from '../../shared/model/draft';
import type { Core } from '../../main/core/create-core';
import { useMicropubCore } from '../support/micropub-server/micropub-core';

const micropub = useMicropubCore('postwright-publish-writes-');

/** Every write of a draft's draft.json tells the app with one `draft-changed`: these are the writes, in order. */
function recordWrites(of: Core, draftId: () => string): string[] {
  const statuses: string[] = [];
  of.events.onAny((event, payload) => {
    const summary = payload as DraftSummary;
    if (event === 'draft-changed' && summary.id === draftId()) statuses.push(summary.status);
  });
  return statuses;
}

it('one publish writes the draft once per change of state: queued, then published with its link', async () => {
  const { core, call, blog } = await micropub.begin();
  const draft = await call('drafts-create', { title: 'Counted', html: '<p>One write per state.</p>' });
  const writes = recordWrites(core, () => draft.id);

  const job = await call('publish', { draftId: draft.id, blogId: blog.id, micropub: { kind: 'article' } });

  expect(job.state).toBe('done');
  expect(writes).toEqual(['queued', 'published']);
  const published = await call('drafts-get', { id: draft.id });
  expect(published.remote?.url).toBe(job.result?.url);
  expect(published.status).toBe('published');
});
