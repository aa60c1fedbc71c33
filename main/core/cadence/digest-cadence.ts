import { randomUUID } from 'node:crypto';
import type { CadenceDraftResult, CadenceRunResult } from '../../../shared/contract/cadence';
import { CoreFailure } from '../../../shared/contract/errors';
import { closesAt, dayIn, periodContaining, periodsDue } from '../../../shared/digest/cadence';
import type {
  CadenceProgress,
  CadenceState,
  DayRange,
  DigestNotice,
  DigestSchedule,
} from '../../../shared/model/digest-schedule';
import type { DraftStore } from '../drafts/draft-store';
import type { DigestShape, Digests } from '../inbox/digest';
import type { Inbox } from '../inbox/inbox';
import type { InboxStore } from '../inbox/inbox-store';
import { emptyProgress, type CadenceFile, type CadenceStore } from './cadence-store';
import { pickLinks, type PickedLinks } from './pick-links';

export interface CadenceDeps {
  store: CadenceStore;
  /** The inbox once open: where the links come from and the drafts are made. */
  inbox: () => Promise<{ inbox: Inbox; store: InboxStore; digests: Digests }>;
  drafts: Pick<DraftStore, 'get'>;
  now: () => Date;
  timeZone: () => string;
}

const countsOf = (picked: PickedLinks) => ({ count: picked.chosen.length, leftOut: picked.leftOut });
const sameRange = (a: DayRange, b: DayRange) => a.from === b.from && a.to === b.to;

/**
 * Carries out the blogs' digest schedules. Everything happens under the cadence lock, on the file
 * as it is then, so two processes (the app and a CLI command, or two windows) never deal with one
 * period twice: the second finds it done. Before a draft is made the period is claimed in the
 * file; after a crash between the two, the inbox's record of its last digest tells whether the
 * draft was made.
 */
export class DigestCadence {
  constructor(private readonly deps: CadenceDeps) {}

  async state(): Promise<CadenceState> {
    return this.stateOf(await this.deps.store.read());
  }

  stateOf(file: CadenceFile): CadenceState {
    const timeZone = this.deps.timeZone();
    const now = this.deps.now();
    return {
      timeZone,
      notices: file.notices,
      schedules: file.schedules.map((schedule) => {
        const progress = file.progress[schedule.blogId] ?? emptyProgress();
        const due = periodsDue(schedule, progress.doneThrough, now, timeZone);
        return {
          schedule,
          next: { ...due.open, closesAt: closesAt(due.open, timeZone).toISOString() },
          waiting: due.closed,
        };
      }),
    };
  }

  /** The first moment a schedule has something to do, for the host's timer; null: no schedule. */
  async nextClose(): Promise<Date | null> {
    const closes = (await this.state()).schedules.map((status) => Date.parse(status.next.closesAt));
    return closes.length ? new Date(Math.min(...closes)) : null;
  }

  async setSchedule(blogId: string, schedule: Omit<DigestSchedule, 'blogId'> | null): Promise<CadenceState> {
    const { file } = await this.deps.store.change((file) => {
      file.schedules = file.schedules.filter((entry) => entry.blogId !== blogId);
      if (schedule) file.schedules.push({ ...schedule, blogId });
      else delete file.progress[blogId];
    });
    return this.stateOf(file);
  }

  async dismiss(id: string): Promise<CadenceState> {
    const { file } = await this.deps.store.change((file) => {
      file.notices = file.notices.filter((notice) => notice.id !== id);
    });
    return this.stateOf(file);
  }

  /** Whether any schedule has a closed period to deal with, or a claim to settle (read without the lock). */
  private async anythingDue(): Promise<boolean> {
    const file = await this.deps.store.read();
    return this.stateOf(file).schedules.some(
      (status) => status.waiting.length > 0 || file.progress[status.schedule.blogId]?.claim,
    );
  }

  /**
   * Deals with every closed period of every schedule: drafts its digest, or reminds. The lock is
   * taken only when something is due: the app runs this whenever the cadence lock is seen to
   * change, and a lock taken for nothing would be seen too.
   */
  async run(): Promise<CadenceRunResult> {
    if (!(await this.anythingDue())) return { drafted: [], reminded: [] };
    return this.deps.store.transaction(async (file, save) => {
      const result: CadenceRunResult = { drafted: [], reminded: [] };
      for (const schedule of file.schedules) await this.runSchedule(schedule, file, save, result);
      return result;
    });
  }

  private async runSchedule(
    schedule: DigestSchedule,
    file: CadenceFile,
    save: (file: CadenceFile) => Promise<void>,
    result: CadenceRunResult,
  ): Promise<void> {
    const progress = (file.progress[schedule.blogId] ??= emptyProgress());
    const changed = await this.settleClaim(schedule, progress, file);
    const { closed } = periodsDue(schedule, progress.doneThrough, this.deps.now(), this.deps.timeZone());
    if (closed.length === 0) {
      if (changed) await save(file);
      return;
    }
    const periods =
      schedule.catchUp === 'combined' && closed.length > 1
        ? [{ from: closed[0]!.from, to: closed[closed.length - 1]!.to }]
        : closed;
    for (const period of periods) {
      // Drafted already, ahead of its end (`digest draft --period`): done.
      if (progress.drafted.some((entry) => entry.to === period.to)) {
        progress.doneThrough = period.to;
        continue;
      }
      const range = { from: progress.carriedFrom ?? period.from, to: period.to };
      const picked = await this.pick(schedule, range);
      if (picked.chosen.length < schedule.minLinks) {
        // Too few to go on their own: they wait for the next period's digest.
        progress.doneThrough = period.to;
        progress.carriedFrom = picked.chosen.length > 0 ? range.from : null;
        continue;
      }
      if (schedule.action === 'remind') {
        const title = (await this.preview(schedule, range, picked)).title;
        file.notices.push(this.notice(schedule, 'due', range, countsOf(picked), null, title));
        result.reminded.push({ blogId: schedule.blogId, ...range, count: picked.chosen.length });
        progress.doneThrough = period.to;
        progress.carriedFrom = null;
        continue;
      }
      // The claim is saved with the period still open: a stop before the draft leaves it to do again.
      progress.claim = { ...range, at: this.deps.now().toISOString() };
      await save(file);
      const made = await this.makeDraft(schedule, range, picked);
      progress.claim = null;
      progress.doneThrough = period.to;
      progress.carriedFrom = null;
      progress.drafted.push({ ...range, draftId: made.draftId, at: this.deps.now().toISOString() });
      file.notices.push(this.notice(schedule, 'drafted', range, countsOf(picked), made.draftId, made.title));
      result.drafted.push({ blogId: schedule.blogId, ...range, ...made, count: picked.chosen.length });
      await save(file);
    }
    await save(file);
  }

  /** Drafts one period (or a reminder's days) now, once unless `again`. */
  draft(blogId: string, request: { day?: string; range?: DayRange; again: boolean }) {
    return this.deps.store.transaction(async (file, save): Promise<CadenceDraftResult> => {
      const schedule = file.schedules.find((entry) => entry.blogId === blogId);
      if (!schedule)
        throw new CoreFailure('not-found', `That blog has no digest schedule: set one in Settings first.`);
      const range =
        request.range ??
        periodContaining(schedule, request.day ?? dayIn(this.deps.now(), this.deps.timeZone()));
      if (range.from > range.to)
        throw new CoreFailure(
          'invalid-args',
          `The end date (${range.to}) is before the start (${range.from}).`,
        );
      const progress = (file.progress[blogId] ??= emptyProgress());
      const before = progress.drafted.find((entry) => sameRange(entry, range));
      if (before && !request.again)
        throw new CoreFailure(
          'conflict',
          `The digest for ${range.from} to ${range.to} was drafted already (draft ${before.draftId}). Ask for it again to make a second one.`,
        );
      const picked = await this.pick(schedule, range);
      if (picked.chosen.length === 0)
        throw new CoreFailure(
          'invalid-args',
          `There are no unused links from ${range.from} to ${range.to} for this digest: add links first.`,
        );
      const made = await this.makeDraft(schedule, range, picked);
      progress.drafted.push({ ...range, draftId: made.draftId, at: this.deps.now().toISOString() });
      // The reminder for these days is answered.
      file.notices = file.notices.filter(
        (notice) => !(notice.blogId === blogId && notice.kind === 'due' && sameRange(notice, range)),
      );
      await save(file);
      return { ...made, ...range, count: picked.chosen.length, leftOut: picked.leftOut };
    });
  }

  /**
   * A claim left by a process that stopped while drafting: the inbox records a digest's days as
   * its last step, so a digest of the claimed days made since the claim is the one.
   */
  private async settleClaim(
    schedule: DigestSchedule,
    progress: CadenceProgress,
    file: CadenceFile,
  ): Promise<boolean> {
    const claim = progress.claim;
    if (!claim) return false;
    progress.claim = null;
    const { store, inbox } = await this.deps.inbox();
    await store.refresh();
    const last = store.lastDigest;
    if (last && sameRange(last, claim) && last.createdAt >= claim.at) {
      progress.drafted.push({ ...claim, draftId: last.draftId, at: last.createdAt });
      progress.doneThrough = claim.to;
      progress.carriedFrom = null;
      const draft = await this.deps.drafts.get(last.draftId).catch(() => null);
      const used = await inbox.list({ ...claim, used: 'used', archived: 'all' });
      const count = used.filter((link) => link.usedIn.includes(last.draftId)).length;
      const title = draft?.title ?? `${claim.from} to ${claim.to}`;
      file.notices.push(this.notice(schedule, 'drafted', claim, { count, leftOut: 0 }, last.draftId, title));
    }
    return true;
  }

  private async pick(schedule: DigestSchedule, range: DayRange): Promise<PickedLinks> {
    const { inbox } = await this.deps.inbox();
    return pickLinks(await inbox.list({ ...range, used: 'unused', archived: 'active' }), schedule);
  }

  private shape(schedule: DigestSchedule): DigestShape {
    return { title: schedule.title, blogId: schedule.blogId };
  }

  private request(schedule: DigestSchedule, range: DayRange, picked: PickedLinks) {
    return {
      ...range,
      order: picked.chosen.map((link) => link.id),
      excluded: picked.excluded,
      groupByTag: false,
      includeUsed: false,
      ...(schedule.template ? { template: schedule.template } : {}),
    };
  }

  private async preview(schedule: DigestSchedule, range: DayRange, picked: PickedLinks) {
    const { digests } = await this.deps.inbox();
    return digests.preview(this.request(schedule, range, picked), this.shape(schedule));
  }

  private async makeDraft(schedule: DigestSchedule, range: DayRange, picked: PickedLinks) {
    const { digests } = await this.deps.inbox();
    const { draft } = await digests.create(this.request(schedule, range, picked), this.shape(schedule));
    return { draftId: draft.id, title: draft.title };
  }

  private notice(
    schedule: DigestSchedule,
    kind: DigestNotice['kind'],
    range: DayRange,
    counts: { count: number; leftOut: number },
    draftId: string | null,
    title: string,
  ): DigestNotice {
    return {
      id: randomUUID(),
      blogId: schedule.blogId,
      kind,
      ...range,
      ...counts,
      draftId,
      title,
      at: this.deps.now().toISOString(),
    };
  }
}
