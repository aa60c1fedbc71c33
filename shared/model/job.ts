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

/** The label of the job that fetches the inbox's link titles, so the status bar can count what is left. */
export const FETCH_LINK_DETAILS_JOB = 'Fetching link details';
