import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';

/**
 * Words that make a sentence announce something that happens on its date: what it is ("workshop",
 * "AGM"), that it happens ("runs", "is held", "opens") or that people come ("join us", "speakers").
 */
const HAPPENING = new RegExp(
  String.raw`\b(?:${[
    'events?',
    'workshops?',
    'meet(?:s|ing|ings|up|ups)?',
    'met',
    'gather(?:s|ing)?',
    'conferences?',
    'talks?',
    'lectures?',
    'seminars?',
    'webinars?',
    'sessions?',
    'courses?',
    'classes',
    'training',
    'festivals?',
    'fairs?',
    'markets?',
    'exhibitions?',
    'shows?',
    'concerts?',
    'gigs?',
    'performances?',
    'part(?:y|ies)',
    'celebrat(?:e|es|ion|ions)',
    'ceremon(?:y|ies)',
    'launch(?:es|ed|ing)?',
    'open(?:s|ed|ing)?',
    'clos(?:e|es|ed|ing)',
    'held',
    'hold(?:s|ing)?',
    'host(?:s|ed|ing)?',
    'r[au]n(?:s|ning)?',
    'takes? place',
    'taking place',
    'happen(?:s|ed|ing)?',
    'join(?:s|ing)?',
    'attend(?:s|ing)?',
    'visit(?:s|ing)?',
    'drop in',
    'surger(?:y|ies)',
    'clinics?',
    'agms?',
    'assembl(?:y|ies)',
    'consultations?',
    'hearings?',
    'briefings?',
    'breakfasts?',
    'lunch(?:es)?',
    'dinners?',
    'match(?:es)?',
    'races?',
    'tours?',
    'hackathons?',
    'hack days?',
    'deadlines?',
    'due',
    'scheduled',
    'starts?',
    'begins?',
    'ends?',
    'until',
    'bookings?',
    'tickets?',
    'register',
    'speakers?',
    'speaking',
    'guests?',
    'see you',
    'will be',
  ].join('|')})\b`,
  'i',
);

/** Where a sentence ends: ". ", "! ", "? ", ": " or a line break (not the dot inside "9.30"). */
const SENTENCE_END = /[.!?:](?:\s|$)|\n/g;

function sentenceAround(text: string, index: number, length: number): string {
  let start = 0;
  let end = text.length;
  for (const match of text.matchAll(SENTENCE_END)) {
    const at = match.index ?? 0;
    if (at < index) start = at + match[0].length;
    else if (at >= index + length) {
      end = at;
      break;
    }
  }
  return text.slice(start, end);
}

/**
 * Keeps the dates that prose announces as events: a date with a time, a date said to be "on" a day
 * ("See you on 5 January"), or a date in a sentence about something happening. A digest's period
 * ("Bookmarks for November 5th through November 8th") announces nothing and is dropped.
 */
export class AnnouncedEventFilter implements Refiner {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    return results.filter((result) => {
      if (result.start.isCertain('hour')) return true;
      const before = context.text.slice(Math.max(0, result.index - 4), result.index);
      if (/^on\b/i.test(result.text) || /\bon\s+$/i.test(before)) return true;
      return HAPPENING.test(sentenceAround(context.text, result.index, result.text.length));
    });
  }
}
