import { DEFAULT_SCHEDULE_TITLE, type DigestSchedule } from '../../../../shared/model/digest-schedule';

// The schedule form's fields as typed, and the schedule they make.

export interface FormValues {
  period: DigestSchedule['period'];
  weekday: number;
  title: string;
  template: string;
  minLinks: string;
  maxLinks: string;
  tags: string;
  action: DigestSchedule['action'];
  catchUp: DigestSchedule['catchUp'];
}

export function valuesOf(schedule: DigestSchedule | undefined): FormValues {
  return {
    period: schedule?.period ?? 'weekly',
    weekday: schedule?.weekday ?? 0,
    title: schedule?.title ?? DEFAULT_SCHEDULE_TITLE,
    template: schedule?.template ?? '',
    minLinks: String(schedule?.minLinks ?? 1),
    maxLinks: String(schedule?.maxLinks ?? 50),
    tags: schedule?.tags.join(', ') ?? '',
    action: schedule?.action ?? 'draft',
    catchUp: schedule?.catchUp ?? 'each',
  };
}

/** A whole number typed by the author, or a sentence saying what to type. */
function count(text: string, what: string): number | string {
  const value = Number(text.trim());
  return Number.isInteger(value) && value >= 1 && value <= 1000
    ? value
    : `The ${what} number of links must be a whole number from 1 to 1000.`;
}

/** The schedule the form's values make, or a sentence saying what to change. */
export function scheduleOf(
  values: FormValues,
  schedule: DigestSchedule | undefined,
): Omit<DigestSchedule, 'blogId' | 'startsOn'> | string {
  const minLinks = count(values.minLinks, 'smallest');
  const maxLinks = count(values.maxLinks, 'largest');
  if (typeof minLinks === 'string') return minLinks;
  if (typeof maxLinks === 'string') return maxLinks;
  if (minLinks > maxLinks)
    return `At least ${minLinks} links is more than at most ${maxLinks}: lower the first or raise the second.`;
  return {
    period: values.period,
    weekday: values.weekday,
    title: values.title.trim() || DEFAULT_SCHEDULE_TITLE,
    template: values.template || null,
    minLinks,
    maxLinks,
    tags: values.tags
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
    action: values.action,
    catchUp: values.catchUp,
    ...(schedule ? { startsOn: schedule.startsOn } : {}),
  };
}
