/** A formatter made when first used: each costs a few milliseconds of the app's start otherwise. */
function formatter(options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
  let made: Intl.DateTimeFormat | null = null;
  return () => (made ??= new Intl.DateTimeFormat(undefined, options));
}

const sameDay = formatter({ hour: 'numeric', minute: '2-digit' });
const thisYear = formatter({ month: 'short', day: 'numeric' });
const otherYear = formatter({ year: 'numeric', month: 'short', day: 'numeric' });
const full = formatter({ dateStyle: 'medium', timeStyle: 'short' });

/** "14:05" today, "Nov 9" this year, "Nov 9, 2009" before. */
export function shortDate(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (date.toDateString() === now.toDateString()) return sameDay().format(date);
  return (date.getFullYear() === now.getFullYear() ? thisYear : otherYear)().format(date);
}

export function fullDate(iso: string): string {
  return full().format(new Date(iso));
}
