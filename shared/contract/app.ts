import { z } from 'zod';
import { method } from './define';
import type { AppInfo } from '../model/app-info';
import type { JobProgress } from '../model/job';
import { settingsPatchSchema, type Settings } from '../model/settings';

export const appMethods = {
  'app-info': method(z.object({}).strict()).returns<AppInfo>(),
  'settings-get': method(z.object({}).strict()).returns<Settings>(),
  'settings-update': method(z.object({ patch: settingsPatchSchema }).strict()).returns<Settings>(),
  'jobs-list': method(z.object({}).strict()).returns<JobProgress[]>(),
  'jobs-cancel': method(z.object({ id: z.string().min(1) }).strict()).returns<boolean>(),
};

export interface AppEvents {
  'settings-changed': Settings;
  progress: JobProgress;
}
