const sameDay = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const thisYear = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const otherYear = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "14:05" today, "Nov 9" this year, "Nov 9, 2009" before. */
export function shortDate(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (date.toDateString() === now.toDateString()) return sameDay.format(date);
  return (date.getFullYear() === now.getFullYear() ? thisYear : otherYear).format(date);
}

export function fullDate(iso: string): string {
  return full.format(new Date(iso));
}
