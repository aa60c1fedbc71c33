import type { Settings } from '../../../shared/model/settings';
import { useCore, useCoreValue } from '../../core/CoreContext';
import { DigestTemplateSettings } from '../digest/DigestTemplateSettings';
import { DigestScheduleSettings } from '../digest/schedule/DigestScheduleSettings';
import { PostTemplateSettings } from '../templates/PostTemplateSettings';

/** The author's preferences; each change is saved at once. */
export function SettingsView({ settings }: { settings: Settings }) {
  const core = useCore();
  const [info] = useCoreValue((client) => client.call('app-info', {}));
  const update = (patch: Partial<Settings>) => void core.call('settings-update', { patch });

  return (
    <section className="page" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <fieldset className="field-group">
        <legend>Appearance</legend>
        <label className="field">
          <span>Theme</span>
          <select
            value={settings.theme}
            onChange={(event) => update({ theme: event.target.value as Settings['theme'] })}
          >
            <option value="system">Follow the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
      </fieldset>
      <fieldset className="field-group">
        <legend>Dates in your writing</legend>
        <label className="field">
          <span>Numeric dates such as 3/2/2010 mean</span>
          <select
            value={settings.dateOrder}
            onChange={(event) => update({ dateOrder: event.target.value as Settings['dateOrder'] })}
          >
            <option value="day-first">day/month (3 February)</option>
            <option value="month-first">month/day (March 2)</option>
          </select>
        </label>
        <label className="field field--check">
          <input
            type="checkbox"
            checked={settings.markdownDrafts}
            onChange={(event) => update({ markdownDrafts: event.target.checked })}
          />
          <span>Write new drafts in Markdown</span>
        </label>
      </fieldset>
      <PostTemplateSettings />
      <DigestTemplateSettings settings={settings} />
      <DigestScheduleSettings templates={settings.digestTemplates.map((template) => template.name)} />
      {info && (
        <fieldset className="field-group">
          <legend>Where your data lives</legend>
          <p>
            Drafts, the inbox and the calendar are kept in <code>{info.dataDir}</code>.
          </p>
          <p className={info.secretStore.secure ? '' : 'notice notice--warn'}>
            {info.secretStore.description}
          </p>
          <p className="muted">
            Postwright {info.version}, running{' '}
            {info.host === 'browser' ? 'in your browser' : `as the ${info.host} app`}.
          </p>
        </fieldset>
      )}
    </section>
  );
}
