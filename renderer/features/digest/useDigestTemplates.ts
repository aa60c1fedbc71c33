import { useEffect, useRef, useState } from 'react';
import type { DigestTemplate } from '../../../shared/model/digest-template';
import type { Settings } from '../../../shared/model/settings';
import { useCore } from '../../core/CoreContext';

/**
 * The digest templates being edited, saved as the author types (400 ms after the last key) or at
 * once (`commit(next, true)`) for a duplicate, a new default or a delete.
 */
export function useDigestTemplates(settings: Settings) {
  const core = useCore();
  const [templates, setTemplates] = useState<DigestTemplate[]>(settings.digestTemplates);
  const [index, setIndex] = useState(0);
  const [saveError, setSaveError] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  // The names last sent, so a save keeps templates another process (the CLI) added meanwhile.
  const sentNames = useRef(settings.digestTemplates.map((template) => template.name));
  const current = templates[Math.min(index, templates.length - 1)]!;

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const commit = (next: DigestTemplate[], now = false) => {
    setTemplates(next);
    window.clearTimeout(timer.current);
    const save = () => {
      const base = { templateNames: sentNames.current };
      sentNames.current = next.map((template) => template.name);
      void core.call('settings-update', { patch: { digestTemplates: next }, base }).then(
        () => setSaveError(null),
        (error: unknown) => setSaveError((error as Error).message),
      );
    };
    if (now) save();
    else timer.current = window.setTimeout(save, 400);
  };
  const edit = (patch: Partial<DigestTemplate>) =>
    commit(templates.map((template, at) => (at === index ? { ...template, ...patch } : template)));

  return { templates, index, setIndex, current, commit, edit, saveError };
}
