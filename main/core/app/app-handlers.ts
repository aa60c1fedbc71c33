import type { Handlers } from '../../../shared/contract';
import type { AppInfo } from '../../../shared/model/app-info';
import type { EventBus } from '../events/event-bus';
import type { JobTracker } from '../jobs/job-tracker';
import type { SettingsStore } from '../settings/settings-store';

type AppHandlers = Pick<
  Handlers,
  'app-info' | 'settings-get' | 'settings-update' | 'jobs-list' | 'jobs-cancel'
>;

export function appHandlers(deps: {
  info: AppInfo;
  settings: SettingsStore;
  jobs: JobTracker;
  events: EventBus;
}): AppHandlers {
  return {
    'app-info': () => deps.info,
    'settings-get': () => deps.settings.get(),
    'settings-update': ({ patch }) => {
      const next = deps.settings.update(patch);
      deps.events.emit('settings-changed', next);
      return next;
    },
    'jobs-list': () => deps.jobs.list(),
    'jobs-cancel': ({ id }) => deps.jobs.cancel(id),
  };
}
