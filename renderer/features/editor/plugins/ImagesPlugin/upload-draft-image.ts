import type { CoreClient } from '../../../../../shared/contract/client';
import { readAsBase64 } from './read-file';

/**
 * Copies an image into a draft and returns its `src`. In the browser host the file goes over HTTP,
 * streamed by the browser, so a 25 MB photo never sits in a WebSocket message; the desktop app
 * passes it through its bridge (drafts-add-asset).
 */
export async function uploadDraftImage(core: CoreClient, draftId: string, file: File): Promise<string> {
  const filename = file.name || `pasted.${file.type.split('/')[1] ?? 'png'}`;
  if (window.postwright) {
    const dataBase64 = await readAsBase64(file);
    return (await core.call('drafts-add-asset', { id: draftId, filename, mimeType: file.type, dataBase64 }))
      .src;
  }
  const response = await fetch(
    `/drafts/${encodeURIComponent(draftId)}/assets?name=${encodeURIComponent(filename)}`,
    { method: 'POST', headers: { 'Content-Type': file.type }, body: file, credentials: 'same-origin' },
  );
  const answer = (await response.json().catch(() => null)) as {
    src?: string;
    error?: { message?: string };
  } | null;
  if (!response.ok || !answer?.src) {
    throw new Error(answer?.error?.message ?? `the app answered HTTP ${response.status}`);
  }
  return answer.src;
}
