import { useState } from 'react';
import type { OutboxJob } from '../../../shared/model/publish';
import { useCoreEvent, useCoreValue } from '../../core/CoreContext';

/** Every job in the outbox, newest first, kept current as jobs change; undefined until loaded. */
export function useOutboxJobs(): OutboxJob[] | undefined {
  const [initial] = useCoreValue((client) => client.call('outbox-list', {}));
  const [changed, setChanged] = useState<Record<string, OutboxJob>>({});
  useCoreEvent('outbox-changed', (job) => setChanged((all) => ({ ...all, [job.id]: job })));
  if (initial === undefined) return undefined;
  return Object.values({
    ...Object.fromEntries(initial.map((job) => [job.id, job])),
    ...changed,
  }).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
