import { randomUUID } from 'node:crypto';
import type { AppProblem } from '../../../shared/model/problem';
import type { EventBus } from '../events/event-bus';

/**
 * Problems the author has not dismissed yet. Stores report here as they meet them, most while the
 * app starts and before any window listens, so the renderer reads the list when it loads instead
 * of relying on an event it may have missed.
 */
export class Problems {
  private problems: AppProblem[] = [];

  constructor(
    private readonly events: EventBus,
    private readonly now: () => Date,
  ) {}

  list(): AppProblem[] {
    return [...this.problems];
  }

  add(message: string, file: string | null = null): void {
    this.problems.push({ id: randomUUID(), at: this.now().toISOString(), message, file });
    this.events.emit('problems-changed', this.list());
  }

  /** A data file that could not be read was moved aside; `then` says what Postwright did instead. */
  setAside(what: string, file: string, then: string): void {
    this.add(`${what} could not be read, so it was set aside; ${then}.`, file);
  }

  dismiss(id: string): AppProblem[] {
    this.problems = this.problems.filter((problem) => problem.id !== id);
    this.events.emit('problems-changed', this.list());
    return this.list();
  }
}
