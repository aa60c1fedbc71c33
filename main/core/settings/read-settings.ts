import { settingsSchema, type Settings } from '../../../shared/model/settings';

/** Each setting read on its own: one invalid value falls back to its default, not all of them. */
export function readSettings(raw: unknown): { settings: Settings; invalid: string[] } {
  const source =
    raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const settings: Record<string, unknown> = {};
  const invalid: string[] = [];
  for (const [key, schema] of Object.entries(settingsSchema.shape)) {
    const parsed = schema.safeParse(source[key]);
    if (!parsed.success) invalid.push(key);
    settings[key] = parsed.success ? parsed.data : schema.parse(undefined);
  }
  return { settings: settings as Settings, invalid };
}
