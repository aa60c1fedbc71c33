/**
 * Rewrites the clock times of notices into the forms chrono reads, keeping every character where it
 * was (each replacement has the length of what it replaces), so positions and quotes still point
 * into the author's own text: "7.30pm" → "7:30pm", "10.00–16.00" → "10:00–16:00", "noon" → "12pm",
 * "midnight" → "12am", "1900hrs" → "19:00". Without this chrono reads "5 March, 7.30pm" as
 * 7 March and "5 March, 10.00" as the year 2010.
 */
const REWRITES: [RegExp, (match: string, ...groups: string[]) => string][] = [
  // "1900hrs", "1900 hrs" on their own (a range such as "1000-1600hrs" is read by TimeRangeParser).
  [
    /(?<![-–—\d.:£$€]\s{0,3})\b([01]\d|2[0-3])([0-5]\d)(\s*)(?:hrs|hours)\b/gi,
    (whole, hour, minute) => `${hour}:${minute}`.padEnd(whole.length),
  ],
  // Dotted clock times, 12- and 24-hour: "7.30pm", "9.30", "16.00"; not prices or dates like 5.3.2011.
  [/(?<![\d.£$€])(\d{1,2})\.([0-5]\d)(?![\d.]\d)/g, (_whole, hour, minute) => `${hour}:${minute}`],
  [/\b12\s+noon\b/gi, (whole) => '12pm'.padEnd(whole.length)],
  [/\b(?:noon|midday)\b/gi, (whole) => '12pm'.padEnd(whole.length)],
  [/\bmidnight\b/gi, (whole) => '12am'.padEnd(whole.length)],
];

export function normalizeTimes(text: string): string {
  return REWRITES.reduce((current, [pattern, rewrite]) => current.replace(pattern, rewrite), text);
}
