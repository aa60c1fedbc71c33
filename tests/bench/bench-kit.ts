/** One row of the benchmark table. `ratio` compares with a baseline measured in the same run. */
export interface BenchRow {
  name: string;
  value: number;
  unit: 'ms' | 'KB' | 'MB' | 'x' | 'posts/s';
  baseline?: { name: string; value: number };
  /** value / baseline, when there is a baseline. */
  ratio?: number;
  budget?: { limit: number; of: 'value' | 'ratio' };
  pass?: boolean;
  note?: string;
}

export type BenchSuite = () => Promise<BenchRow[]>;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Builds a row, working out the ratio and whether it is within its budget. */
export function row(
  name: string,
  value: number,
  unit: BenchRow['unit'],
  options: { baseline?: BenchRow['baseline']; budget?: BenchRow['budget']; note?: string } = {},
): BenchRow {
  const ratio = options.baseline ? value / options.baseline.value : undefined;
  const measured = options.budget?.of === 'ratio' ? ratio : value;
  return {
    name,
    value: Math.round(value * 100) / 100,
    unit,
    ...(options.baseline ? { baseline: options.baseline, ratio: Math.round(ratio! * 100) / 100 } : {}),
    ...(options.budget ? { budget: options.budget, pass: measured! <= options.budget.limit } : {}),
    ...(options.note ? { note: options.note } : {}),
  };
}
