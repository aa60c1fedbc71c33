import * as z from 'zod';
import { method } from './define';
import type { AppInfo } from '../model/app-info';
import type { JobProgress } from '../model/job';
import type { AppProblem } from '../model/problem';
import { settingsBaseSchema, settingsPatchSchema, type Settings } from '../model/settings';

export const appMethods = {
  'app-info': method(z.object({}).strict()).returns<AppInfo>(),
  'settings-get': method(z.object({}).strict()).returns<Settings>(),
  /**
   * `base`: the names of the digest templates the caller last saw, so templates another process added
   * meanwhile are kept (merged by name) instead of being replaced by the caller's list.
   */
  'settings-update': method(
    z.object({ patch: settingsPatchSchema, base: settingsBaseSchema.optional() }).strict(),
  ).returns<Settings>(),
  'jobs-list': method(z.object({}).strict()).returns<JobProgress[]>(),
  'jobs-cancel': method(z.object({ id: z.string().min(1) }).strict()).returns<boolean>(),
  /** Problems not dismissed yet (a data file set aside at start…), oldest first. */
  'problems-list': method(z.object({}).strict()).returns<AppProblem[]>(),
  'problems-dismiss': method(z.object({ id: z.string().min(1).max(100) }).strict()).returns<AppProblem[]>(),
};

export interface AppEvents {
  'settings-changed': Settings;
  progress: JobProgress;
  /** The problems not dismissed yet, whenever one is added or dismissed. */
  'problems-changed': AppProblem[];
}
