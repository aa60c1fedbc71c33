/**
 * Offers a place for an event found in prose, conservatively: a wrong place is worse than none.
 * A place is a run of capitalised words after "in" or "at" in the same sentence as the date and
 * near it ("at Brighton and Hove Council on 25 November", "on 27 November, which will run in
 * London"), or directly before the date after "Second is" and the like ("Second is Barnsley on
 * 1 December"). The run stops at punctuation and at words that are not capitalised.
 */

const MONTH_AND_DAY_NAMES = new Set(
  (
    'january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun'
  ).split(' '),
);

/** Capitalised words that follow "at"/"in" without naming a place. */
const NOT_PLACES = new Set(
  (
    'i christmas easter noon midnight lunchtime teatime present first last least once times ' +
    'english french german welsh spanish total short general particular'
  ).split(' '),
);

/** Last words that make "X and Y <noun>" one place rather than two things ("Brighton and Hove Council"). */
const PLACE_NOUNS = new Set(
  (
    'council hall centre center hotel university college school park street road square house theatre ' +
    'museum library church cathedral gallery arena stadium building campus office offices chambers ' +
    'institute club hub pavilion exchange gardens court lane avenue station'
  ).split(' '),
);

/** Small words allowed inside a place name when a capitalised word follows ("Newcastle upon Tyne"). */
const CONNECTORS = new Set(['of', 'upon', 'on', 'the', 'and', '&', 'de', 'la', 'le', 'du']);
const ABBREVIATIONS = new Set(['St.', 'Mt.', 'Ft.']);

const CAPITALISED = /^[A-Z][\p{L}\p{M}'’-]*$/u;
const SENTENCE_END = /[.!?](?=\s|$)|\n/g;
const BEFORE_WINDOW = 60;
const AFTER_WINDOW = 80;

function readPlace(text: string): string | null {
  const words: string[] = [];
  let pending: string[] = [];
  for (const raw of text.split(/\s+/).filter(Boolean)) {
    const stops = !ABBREVIATIONS.has(raw) && /[,.;:!?()"“”]$/.test(raw);
    const word = ABBREVIATIONS.has(raw) ? raw : raw.replace(/^[("“]+|[,.;:!?()"“”]+$/g, '');
    if (CONNECTORS.has(word) && words.length > 0 && !stops) {
      pending.push(word);
      continue;
    }
    const lower = word.toLowerCase();
    if (!(CAPITALISED.test(word) || ABBREVIATIONS.has(word)) || MONTH_AND_DAY_NAMES.has(lower)) break;
    words.push(...pending, word);
    pending = [];
    if (stops) break;
  }
  if (words.length === 0) return null;
  const and = words.findIndex((word) => word === 'and' || word === '&');
  const last = words[words.length - 1]!.toLowerCase();
  const place = and > 0 && !PLACE_NOUNS.has(last) ? words.slice(0, and) : words;
  if (place.length === 1 && NOT_PLACES.has(place[0]!.toLowerCase())) return null;
  return place.join(' ');
}

function sentenceAround(text: string, from: number, to: number): [number, number] {
  let start = 0;
  let end = text.length;
  for (const match of text.matchAll(SENTENCE_END)) {
    const at = match.index;
    if (at < from) start = at + match[0].length;
    else if (at >= to) {
      end = at;
      break;
    }
  }
  return [start, end];
}

/** The place named near the date found at text[from, to), or null when none is clearly named. */
export function findLocation(text: string, from: number, to: number): string | null {
  const [sentenceStart, sentenceEnd] = sentenceAround(text, from, to);
  const windowStart = Math.max(sentenceStart, from - BEFORE_WINDOW);
  const windowEnd = Math.min(sentenceEnd, to + AFTER_WINDOW);

  const before = text.slice(sentenceStart, from);
  const sequence =
    /\b(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|next|then|last(?:ly)?|finally)\s+(?:is|will be)\s+([^,;:]+?)\s*$/i.exec(
      before,
    );
  if (sequence?.[1]) {
    const place = readPlace(sequence[1]);
    if (place === sequence[1].trim()) return place;
  }

  let best: { place: string; distance: number } | null = null;
  const preposition = /\b(?:in|at)\s+(?:the\s+)?/g;
  const window = text.slice(windowStart, windowEnd);
  for (const match of window.matchAll(preposition)) {
    const at = windowStart + match.index + match[0].length;
    const place = readPlace(text.slice(at, sentenceEnd));
    if (!place) continue;
    const placeEnd = at + place.length;
    const distance = placeEnd <= from ? from - placeEnd : Math.max(0, at - to);
    if (!best || distance < best.distance) best = { place, distance };
  }
  return best?.place ?? null;
}
