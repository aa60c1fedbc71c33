import { join, normalize, sep } from 'node:path';

/** Joins a URL path below `root`; null when it would climb out of it. */
export function safeJoin(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = join(root, normalize(decoded).replace(/^([/\\])+/, ''));
  return file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : null;
}
