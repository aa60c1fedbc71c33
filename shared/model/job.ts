/** Long work (imports, fetching links, publishing) reports progress as a job the status bar shows. */
export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobProgress {
  id: string;
  label: string;
  state: JobState;
  done: number;
  /** Unknown when null: the UI shows an indeterminate bar. */
  total: number | null;
  message?: string;
}
