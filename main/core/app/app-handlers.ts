import type { Handlers } from '../../../shared/contract';
import type { AppInfo } from '../../../shared/model/app-info';
import type { EventBus } from '../events/event-bus';
import type { JobTracker } from '../jobs/job-tracker';
import type { SettingsStore } from '../settings/settings-store';
import type { Problems } from './problems';

type AppHandlers = Pick<
  Handlers,
  | 'app-info'
  | 'settings-get'
  | 'settings-update'
  | 'jobs-list'
  | 'jobs-cancel'
  | 'problems-list'
  | 'problems-dismiss'
>;

export function appHandlers(deps: {
  info: () => Promise<AppInfo>;
  settings: SettingsStore;
  jobs: JobTracker;
  events: EventBus;
  problems: Problems;
}): AppHandlers {
  return {
    'app-info': () => deps.info(),
    'settings-get': async () => {
      await deps.settings.load?.();
      return deps.settings.get();
    },
    'settings-update': async ({ patch, base }) => {
      const next = await deps.settings.update(patch, base);
      deps.events.emit('settings-changed', next);
      return next;
    },
    'jobs-list': () => deps.jobs.list(),
    'jobs-cancel': ({ id }) => deps.jobs.cancel(id),
    'problems-list': () => deps.problems.list(),
    'problems-dismiss': ({ id }) => deps.problems.dismiss(id),
  };
}
