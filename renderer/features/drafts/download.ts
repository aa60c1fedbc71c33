/** Saves text as a file through the browser's download (works in Electron and the browser host). */
export function downloadText(filename: string, content: string, type: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started once click() returns; the URL can go after this task.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}
