/** Errors cross every transport as data; the UI maps each code to a sentence that says what to do. */
export const ERROR_CODES = [
  'invalid-args',
  'unknown-method',
  'bad-message',
  'not-found',
  'conflict',
  'auth-failed',
  'offline',
  'disconnected',
  'remote-error',
  'cancelled',
  /** The data folder could not be written (disk full, read-only): nothing saved before was lost. */
  'storage',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface CoreError {
  code: ErrorCode;
  message: string;
  detail?: unknown;
}

/** Thrown by core handlers (and rethrown by clients) so a code survives the trip across a transport. */
export class CoreFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: unknown,
  ) {
    super(message);
    this.name = 'CoreFailure';
  }

  toError(): CoreError {
    return this.detail === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, detail: this.detail };
  }
}
