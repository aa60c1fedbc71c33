import { useState, type ChangeEvent } from 'react';
import type { JobProgress } from '../../../shared/model/job';
import type { ToastMessage } from '../../components/Toast';
import { useCore, useCoreEvent } from '../../core/CoreContext';
import { downloadText } from '../drafts/download';

export interface Importing {
  filename: string;
  job: JobProgress | null;
}

/** Importing a bookmark file with its progress, and exporting the inbox as one. */
export function useInboxImport(
  fail: (error: unknown) => void,
  showToast: (toast: ToastMessage | null) => void,
) {
  const core = useCore();
  const [importing, setImporting] = useState<Importing | null>(null);
  useCoreEvent('progress', (job) => {
    setImporting((current) =>
      current && job.label === `Importing ${current.filename}` ? { ...current, job } : current,
    );
  });

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setImporting({ filename: file.name, job: null });
    try {
      const result = await core.call('inbox-import', { filename: file.name, content: await file.text() });
      const skipped = result.skipped.length
        ? `; ${result.skipped.length} skipped (${result.skipped[0]!.reason})`
        : '';
      showToast({
        text: `Imported ${file.name}: ${result.added} added, ${result.merged} already there and merged${skipped}.`,
      });
    } catch (failure) {
      fail(failure);
    } finally {
      setImporting(null);
    }
  };

  const exportAll = () =>
    void core.call('inbox-export', {}).then((result) => {
      downloadText(result.filename, result.content, 'text/html');
      showToast({ text: `Exported ${result.count} links as ${result.filename}.` });
    }, fail);

  return { importing, importFile, exportAll };
}
