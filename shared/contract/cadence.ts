import * as z from 'zod';
import { method } from './define';
import { dayString } from '../model/bookmark';
import { scheduleInputSchema, type CadenceState } from '../model/digest-schedule';

const blogId = z.string().min(1).max(100);

/** What a run of the schedules did: the digests drafted and the reminders given. */
export interface CadenceRunResult {
  drafted: { blogId: string; from: string; to: string; draftId: string; title: string; count: number }[];
  reminded: { blogId: string; from: string; to: string; count: number }[];
}

export interface CadenceDraftResult {
  draftId: string;
  title: string;
  from: string;
  to: string;
  count: number;
  /** Links of the days left out because the schedule's maximum was reached. */
  leftOut: number;
}

export const cadenceMethods = {
  /** Every blog's schedule with its next close and waiting periods, and the notices not dismissed. */
  'cadence-state': method(z.object({}).strict()).returns<CadenceState>(),
  /** Sets a blog's digest schedule; null removes it. */
  'cadence-set': method(
    z.object({ blogId, schedule: scheduleInputSchema.nullable() }).strict(),
  ).returns<CadenceState>(),
  /** Deals with every period that has closed: drafts or reminds. The app does this on its own. */
  'cadence-run': method(z.object({}).strict()).returns<CadenceRunResult>(),
  /**
   * Drafts one period's digest now: the period holding `day` (default today), or the days
   * `from`..`to` of a reminder. A period drafted before is refused unless `again`.
   */
  'cadence-draft': method(
    z
      .object({
        blogId,
        day: dayString.optional(),
        range: z.object({ from: dayString, to: dayString }).strict().optional(),
        again: z.boolean().default(false),
      })
      .strict(),
  ).returns<CadenceDraftResult>(),
  'cadence-dismiss': method(z.object({ id: z.string().min(1).max(100) }).strict()).returns<CadenceState>(),
};

export interface CadenceEvents {
  /** Schedules, their progress or the notices changed (here or in another process). */
  'cadence-changed': CadenceState;
}
