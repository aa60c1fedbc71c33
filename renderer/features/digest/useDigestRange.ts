import { useMemo, useState } from 'react';
import type { LastDigestInfo } from '../../../shared/contract/inbox';
import { localDay } from '../../../shared/inbox/filter';

export interface DayRange {
  from: string;
  to: string;
}

function dayAfter(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return localDay(new Date(year, month - 1, date + 1));
}

function weekAgo(): string {
  const now = new Date();
  return localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 7));
}

/**
 * The digest's dates. Until the author picks them: the day after the last digest (or a week ago) up
 * to today; null while the last digest is still being read.
 */
export function useDigestRange(last: LastDigestInfo | null | undefined) {
  const [chosen, setChosen] = useState<DayRange | null>(null);
  const range = useMemo(
    () =>
      chosen ??
      (last === undefined ? null : { from: last ? dayAfter(last.to) : weekAgo(), to: localDay(new Date()) }),
    [chosen, last],
  );
  const setRange = (patch: Partial<DayRange>) => range && setChosen({ ...range, ...patch });
  return [range, setRange] as const;
}
