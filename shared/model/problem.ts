/**
 * Something the author must know about that happened without them, mostly while Postwright
 * started: a data file that could not be read and was set aside. Kept until dismissed.
 */
export interface AppProblem {
  id: string;
  /** ISO 8601. */
  at: string;
  /** One sentence: what happened and what Postwright did about it. */
  message: string;
  /** The file or folder that was set aside, for the author to open; null when there is none. */
  file: string | null;
}
