import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { nearestYear } from './uk-parsers';

/** Where a sentence ends: ". ", "! ", "? " or a line break (not the dot inside "9.30"). */
const SENTENCE_END = /[.!?](?:\s|$)|\n/;

/** How far after a date a time may follow and still belong to it ("27 November, which will run in London from 1000 – 1600"). */
const MAX_DATE_TO_TIME_GAP = 80;

/**
 * Joins a date with a time that follows later in the same sentence: "on 1 December, again between
 * 9.30 and 12.30". chrono only joins a date and a time that touch ("25 November at 9.30").
 */
export class DateThenLaterTimeRefiner implements Refiner {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    const merged: ParsingResult[] = [];
    for (let i = 0; i < results.length; i++) {
      const current = results[i]!;
      const next = results[i + 1];
      if (next && this.belongTogether(context, current, next)) {
        merged.push(this.merge(context, current, next));
        i++;
      } else {
        merged.push(current);
      }
    }
    return merged;
  }

  private belongTogether(context: ParsingContext, date: ParsingResult, time: ParsingResult): boolean {
    if (!date.start.isOnlyDate() || !date.start.isCertain('day') || !time.start.isOnlyTime()) return false;
    const gap = context.text.slice(date.index + date.text.length, time.index);
    return gap.length <= MAX_DATE_TO_TIME_GAP && !SENTENCE_END.test(gap);
  }

  private merge(context: ParsingContext, date: ParsingResult, time: ParsingResult): ParsingResult {
    const start = date.start.clone();
    start.assign('hour', time.start.get('hour') ?? 0);
    start.assign('minute', time.start.get('minute') ?? 0);
    let end;
    if (time.end) {
      end = (date.end ?? date.start).clone();
      end.assign('hour', time.end.get('hour') ?? 0);
      end.assign('minute', time.end.get('minute') ?? 0);
    }
    const text = context.text.slice(date.index, time.index + time.text.length);
    const result = context.createParsingResult(date.index, text, start, end);
    result.addTags(date.tags());
    return result;
  }
}

/**
 * Keeps only what an author would put in a calendar: a named day ("25 November", "3/2/2010",
 * "2010-03-04"). Relative phrases ("today", "in 3 days", "two weeks ago") describe the writing,
 * not an event, and a weekday or time on its own names no day.
 */
export class NamedDayFilter implements Refiner {
  refine(_context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    return results.filter(
      (result) =>
        !result.tags().has('result/relativeDate') &&
        result.start.isCertain('day') &&
        result.start.isCertain('month'),
    );
  }
}

/**
 * "12 January, 1000-1600hrs": the four digits after a date are the start of a time range, not the
 * year 1000. Runs before chrono removes overlapping results, so both the date and the times stay.
 */
export class YearOrTimeRefiner implements Refiner {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    const timeRanges = results.filter((result) => result.start.isOnlyTime() && result.end);
    for (const result of results) {
      if (!result.start.isCertain('year') || !result.start.isCertain('month')) continue;
      const year = String(result.start.get('year'));
      const yearAt = result.index + result.text.lastIndexOf(year);
      if (!result.text.endsWith(year) || !timeRanges.some((range) => range.index === yearAt)) continue;
      result.text = result.text.slice(0, result.text.lastIndexOf(year)).replace(/[\s,]+$/, '');
      result.start.delete('year');
      result.start.imply(
        'year',
        nearestYear(context.refDate, result.start.get('month') ?? 1, result.start.get('day') ?? 1),
      );
    }
    return results;
  }
}
