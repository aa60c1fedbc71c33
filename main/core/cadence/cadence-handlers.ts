import type { Handlers } from '../../../shared/contract';
import { CoreFailure } from '../../../shared/contract/errors';
import { dayIn } from '../../../shared/digest/cadence';
import { defaultTimeZone } from '../calendar/default-time-zone';
import type { DomainDeps } from '../core-deps';
import { CadenceStore } from './cadence-store';
import { DigestCadence, type CadenceDeps } from './digest-cadence';

type CadenceHandlers = Pick<
  Handlers,
  'cadence-state' | 'cadence-set' | 'cadence-run' | 'cadence-draft' | 'cadence-dismiss'
>;

/** The longest the host's timer sleeps: a sleeping laptop or a changed clock is noticed by then. */
const MOST_WAIT_MS = 10 * 60_000;

export interface CadenceDomain {
  handlers: CadenceHandlers;
  /**
   * For the long-lived hosts (the app, the browser host), never the renderer: deals with the
   * periods that closed while Postwright was not running, then wakes when the next one closes.
   * Returns its cleanup.
   */
  start(): () => void;
  /** Another process changed the schedules: tell the views, and deal with what is due now. */
  changedElsewhere(): Promise<void>;
}

export function createCadence(
  deps: Pick<DomainDeps, 'dataDir' | 'clock' | 'logger' | 'events' | 'problems' | 'drafts'> & {
    inbox: CadenceDeps['inbox'];
    blogExists: (id: string) => Promise<boolean>;
  },
): CadenceDomain {
  const store = new CadenceStore({
    dataDir: deps.dataDir,
    clock: deps.clock,
    onQuarantine: (file) =>
      deps.problems.setAside(
        'Your digest schedules',
        file,
        'no digest is drafted on its own until you set the schedules again in Settings',
      ),
  });
  const cadence = new DigestCadence({
    store,
    inbox: deps.inbox,
    drafts: deps.drafts,
    now: () => deps.clock.now(),
    timeZone: defaultTimeZone,
  });
  const announce = async () => deps.events.emit('cadence-changed', await cadence.state());
  let rearm: (() => void) | null = null;

  const handlers: CadenceHandlers = {
    'cadence-state': () => cadence.state(),
    'cadence-set': async ({ blogId, schedule }) => {
      if (schedule && !(await deps.blogExists(blogId)))
        throw new CoreFailure(
          'not-found',
          `There is no blog with the ID ${blogId}: "blogs list" shows them.`,
        );
      const startsOn = schedule?.startsOn ?? dayIn(deps.clock.now(), defaultTimeZone());
      const state = await cadence.setSchedule(blogId, schedule && { ...schedule, startsOn });
      deps.events.emit('cadence-changed', state);
      rearm?.();
      return state;
    },
    'cadence-run': async () => {
      const result = await cadence.run();
      await announce();
      return result;
    },
    'cadence-draft': async ({ blogId, day, range, again }) => {
      const made = await cadence.draft(blogId, {
        ...(day ? { day } : {}),
        ...(range ? { range } : {}),
        again,
      });
      await announce();
      return made;
    },
    'cadence-dismiss': async ({ id }) => {
      const state = await cadence.dismiss(id);
      deps.events.emit('cadence-changed', state);
      return state;
    },
  };

  return {
    handlers,
    start() {
      let timer: NodeJS.Timeout | undefined;
      let stopped = false;
      // One notice per run of failures: the timer tries again every few minutes.
      let noticed = false;
      const arm = async () => {
        clearTimeout(timer);
        const next = await cadence.nextClose().catch(() => null);
        if (stopped) return;
        const wait = next ? next.getTime() - deps.clock.now().getTime() : MOST_WAIT_MS;
        clearTimeout(timer); // another arm may have finished meanwhile: one timer only
        timer = setTimeout(tick, Math.min(Math.max(wait, 1000), MOST_WAIT_MS));
        timer.unref?.();
      };
      const tick = async () => {
        try {
          const result = await cadence.run();
          if (result.drafted.length || result.reminded.length) await announce();
          noticed = false;
        } catch (error) {
          deps.logger.warn('the digest schedules could not be carried out', { message: String(error) });
          if (!noticed)
            deps.problems.add(
              `Your digest schedules could not be carried out: ${error instanceof Error ? error.message : String(error)} Postwright tries again on its own; Settings shows the schedules.`,
            );
          noticed = true;
        }
        await arm();
      };
      // A schedule changed (here or in another process): a period it makes due is dealt with now.
      rearm = () => void tick();
      void tick();
      return () => {
        stopped = true;
        rearm = null;
        clearTimeout(timer);
      };
    },
    async changedElsewhere() {
      await announce().catch(() => undefined);
      rearm?.();
    },
  };
}
