import * as z from 'zod';
import { dayString, tagSchema } from './bookmark';

export const DIGEST_PERIODS = ['weekly', 'fortnightly', 'monthly'] as const;

/** The seed blog's digest title; {start} and {end} are written with the template's date format. */
export const DEFAULT_SCHEDULE_TITLE = 'Bookmarks for {start} through {end}';

/**
 * When a blog's link digest comes round, and what goes in it. A period closes at the end of its
 * last day (the chosen weekday, or the month's last day); then Postwright drafts the digest of
 * that period's unused links, or only reminds the author, with the count.
 */
const scheduleFields = z.object({
  blogId: z.string().min(1).max(100),
  period: z.enum(DIGEST_PERIODS),
  /** The last day of a weekly or fortnightly period: 0 Sunday … 6 Saturday (as Date.getDay). */
  weekday: z.number().int().min(0).max(6).default(0),
  /** Title tokens as in the digest templates ({start}, {end}, {year}, {count}). */
  title: z.string().trim().min(1).max(2000).default(DEFAULT_SCHEDULE_TITLE),
  /** A digest template set by name (intro, items, body, date format); null: the first. */
  template: z.string().max(100).nullable().default(null),
  /** Fewer links than this and the period's links wait for the next period. */
  minLinks: z.number().int().min(1).max(1000).default(1),
  /** At most this many (the oldest first); the rest stay in the inbox, unused. */
  maxLinks: z.number().int().min(1).max(1000).default(50),
  /** Only links with one of these tags; empty: every link. */
  tags: z.array(tagSchema).max(50).default([]),
  /** Draft the digest on its own, or only remind the author that it is due. */
  action: z.enum(['draft', 'remind']).default('draft'),
  /** Periods missed while Postwright was closed: one digest each, or one for them all. */
  catchUp: z.enum(['each', 'combined']).default('each'),
  /** The first period is the one holding this day (a fortnight counts from it). */
  startsOn: dayString,
});

const minAtMostMax = (schedule: { minLinks: number; maxLinks: number }) =>
  schedule.minLinks <= schedule.maxLinks;
const minAboveMax = {
  message: 'The minimum number of links is more than the maximum.',
  path: ['minLinks'],
};

export const digestScheduleSchema = scheduleFields.refine(minAtMostMax, minAboveMax);

/** A schedule as the author sets it: for the blog named beside it, from today unless said. */
export const scheduleInputSchema = scheduleFields
  .omit({ blogId: true })
  .extend({ startsOn: dayString.optional() })
  .strict()
  .refine(minAtMostMax, minAboveMax);
export type DigestSchedule = z.output<typeof digestScheduleSchema>;

/** A run of days, both inclusive, YYYY-MM-DD in the author's time zone. */
export interface DayRange {
  from: string;
  to: string;
}

/** What happened when a period closed, for the author to see until dismissed. */
export interface DigestNotice {
  id: string;
  blogId: string;
  /** `drafted`: a draft was made; `due`: the author asked only to be reminded. */
  kind: 'drafted' | 'due';
  /** The digest's days (a combined catch-up spans several periods). */
  from: string;
  to: string;
  /** Links that went into the draft, or that are waiting for it. */
  count: number;
  /** Links of the range left out because the schedule's maximum was reached. */
  leftOut: number;
  draftId: string | null;
  title: string;
  at: string;
}

/** Per blog: how far its schedule has been carried out. */
export interface CadenceProgress {
  /** The last day of the last period that was dealt with (drafted, reminded or skipped). */
  doneThrough: string | null;
  /** Where the next digest's days start when a period had too few links to go on its own. */
  carriedFrom: string | null;
  /** Set just before a draft is made, cleared once it is recorded: a crash in between is seen. */
  claim: (DayRange & { at: string }) | null;
  /** The digests made by the schedule, newest last (the last 50), so none is made twice. */
  drafted: (DayRange & { draftId: string; at: string })[];
}

/** A schedule and what it comes to now: the next close and the periods waiting. */
export interface ScheduleStatus {
  schedule: DigestSchedule;
  /** When the open period closes (ISO 8601) and its days. */
  next: DayRange & { closesAt: string };
  /** Closed periods not dealt with yet (the app was closed). */
  waiting: DayRange[];
}

export interface CadenceState {
  schedules: ScheduleStatus[];
  notices: DigestNotice[];
  timeZone: string;
}
