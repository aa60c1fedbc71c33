import * as z from 'zod';
import { digestTemplateListSchema, digestTemplatesSchema } from './digest-template';

export const THEMES = ['system', 'light', 'dark'] as const;

/** The author's preferences. Every field has a default so an older settings file still loads. */
export const settingsSchema = z.object({
  theme: z.enum(THEMES).default('system'),
  /** How numeric dates such as 3/2/2010 are read: day first (British) or month first. */
  dateOrder: z.enum(['day-first', 'month-first']).default('day-first'),
  /** Link-digest templates; the first is the default (shared/model/digest-template.ts). */
  digestTemplates: digestTemplatesSchema,
  /** New drafts are kept in Markdown (each draft can change it: shared/model/draft.ts). */
  markdownDrafts: z.boolean().default(false),
});

export type Settings = z.infer<typeof settingsSchema>;

/**
 * Only the settings a caller changes: no defaults here (zod fills a default even in an optional
 * field), or changing the theme would reset the digest templates.
 */
export const settingsPatchSchema = z
  .object({
    theme: z.enum(THEMES),
    dateOrder: settingsSchema.shape.dateOrder.unwrap(),
    digestTemplates: digestTemplateListSchema,
    markdownDrafts: z.boolean(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** What a caller of settings-update last saw, so changes another process made since are kept. */
export const settingsBaseSchema = z
  .object({ templateNames: z.array(z.string().max(100)).max(50) })
  .partial()
  .strict();
export type SettingsBase = z.infer<typeof settingsBaseSchema>;
