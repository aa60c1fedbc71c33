import { open, readFile } from 'node:fs/promises';
import { CliError } from './cli-error';

/** A file the author named on the command line, or a message that says which and what to check. */
export async function readNamedFile(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw cannotRead(path, error as NodeJS.ErrnoException);
  }
}

function cannotRead(path: string, error: NodeJS.ErrnoException): CliError {
  const why =
    error.code === 'ENOENT'
      ? 'there is no such file'
      : error.code === 'EISDIR'
        ? 'it is a folder'
        : error.code === 'EACCES' || error.code === 'EPERM'
          ? 'you do not have permission to read it'
          : (error.code ?? String(error));
  return new CliError(`Cannot read ${path}: ${why}. Check the path.`, 2);
}

export const MB = 1024 * 1024;

/**
 * A text file the author named (`--html post.html`, an .ics, a bookmark export), read as UTF-8 under
 * a size limit. A file too big, or one holding binary data (a NUL byte or bytes that are not UTF-8),
 * is refused with one sentence that names it, says what is wrong and what the option takes.
 */
export async function readTextFile(path: string, takes: { what: string; maxBytes: number }): Promise<string> {
  let handle;
  try {
    handle = await open(path, 'r');
    const info = await handle.stat();
    if (info.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    if (info.size > takes.maxBytes) {
      throw new CliError(
        `${path} is ${(info.size / MB).toFixed(1)} MB; ${takes.what} can be at most ${takes.maxBytes / MB} MB. Split it or make it smaller.`,
        2,
      );
    }
    // Read one byte past the limit: files in /proc and pipes report no size.
    const buffer = Buffer.alloc(Math.min(takes.maxBytes + 1, Math.max(info.size, 64 * 1024)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) break;
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > takes.maxBytes) {
      throw new CliError(
        `${path} is larger than ${takes.maxBytes / MB} MB, the most ${takes.what} can be.`,
        2,
      );
    }
    return decodeText(path, buffer.subarray(0, length), takes.what);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw cannotRead(path, error as NodeJS.ErrnoException);
  } finally {
    await handle?.close();
  }
}

function decodeText(path: string, bytes: Buffer, what: string): string {
  const binary = new CliError(
    `${path} is not a text file (it holds binary data), and ${what} must be text. Check that you named the right file.`,
    2,
  );
  if (bytes.includes(0)) throw binary;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: an older file in Windows-1252 is still text, unless control characters say otherwise.
    const text = new TextDecoder('windows-1252').decode(bytes);
    // eslint-disable-next-line no-control-regex -- counting control characters is the point
    const controls = text.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
    if (controls > text.length / 100) throw binary;
    return text;
  }
}
