import { repairWindows1252 } from './windows-1252';
import { sniffMetaCharset } from '../html/read-metadata';

type Decoder = InstanceType<typeof TextDecoder>;

/** Decodes, repairing what Node gets wrong about windows-1252 (which the web also calls latin1 and ascii). */
function decode(decoder: Decoder, bytes: Uint8Array): string {
  const text = decoder.decode(bytes);
  return decoder.encoding === 'windows-1252' ? repairWindows1252(text) : text;
}

function decoderFor(label: string | null | undefined): Decoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    return null;
  }
}

/**
 * Bytes of a page to text: the charset the server sends, else a byte-order mark, else the page's own
 * `<meta charset>` (looked for in its first 1024 bytes), else UTF-8 when the bytes are valid UTF-8,
 * else windows-1252 as browsers do.
 */
export function decodePage(bytes: Uint8Array, contentType: string | undefined): string {
  const fromHeader = /charset\s*=\s*"?([^\s";]+)/i.exec(contentType ?? '')?.[1];
  const byHeader = decoderFor(fromHeader);
  if (byHeader) return decode(byHeader, bytes);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const byMeta = decoderFor(sniffMetaCharset(new TextDecoder('latin1').decode(bytes.subarray(0, 1024))));
  // A page that says utf-16 in ASCII bytes is not utf-16 (the HTML standard says to read it as utf-8).
  if (byMeta && !byMeta.encoding.startsWith('utf-16')) return decode(byMeta, bytes);
  try {
    // stream: a page cut at the size cap may end inside a character; that is not a reason to give up.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return decode(new TextDecoder('windows-1252'), bytes);
  }
}
