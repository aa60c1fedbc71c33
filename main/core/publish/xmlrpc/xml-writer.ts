import { endianness } from 'node:os';

/** Text with none of these goes out as it is, which is most names and short fields. */
// eslint-disable-next-line no-control-regex -- the point is to match control characters
const NEEDS_ESCAPING = /[\u0000-\u0008\u000b-\u001f&<>\ufffe\uffff]/;
/** Buffer writes and reads UTF-16 little-endian; a Uint16Array stores in the machine's order. */
const BIG_ENDIAN = endianness() === 'BE';

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const AMP = 0x26;
const LT = 0x3c;
const GT = 0x3e;

/**
 * An XML document written as UTF-16 units into one growing buffer and made a string once at the
 * end. A post is often a megabyte of HTML: escaping it with a chain of replaces, then joining the
 * pieces, copied it once per replace and again to join (issue 19: 40-56 ms a megabyte); here it is
 * copied into the buffer in one pass.
 */
export class XmlWriter {
  private bytes = Buffer.allocUnsafeSlow(2048);
  private units = new Uint16Array(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length / 2);
  private length = 0;

  /** Markup, or text already known to need no escaping. */
  raw(text: string): void {
    this.makeRoom(text.length);
    this.length += this.bytes.write(text, this.length * 2, 'utf16le') / 2;
  }

  /**
   * Character text, unit by unit: & < > become entities, CR becomes &#13; (a raw one would be read
   * back as LF), tab and LF stay, and what XML 1.0 cannot carry at all (the other C0 controls,
   * U+FFFE, U+FFFF) is dropped rather than sent as a broken document. Everything else stays,
   * lone surrogates included.
   */
  text(text: string): void {
    if (!NEEDS_ESCAPING.test(text)) return this.raw(text);
    let escapedLength = 0;
    for (let index = 0; index < text.length; index++) escapedLength += lengthOf(text.charCodeAt(index));
    this.makeRoom(escapedLength);
    const units = this.units;
    const start = this.length;
    let at = start;
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code > GT) {
        if (code < 0xfffe) units[at++] = code;
      } else if (code === AMP) at = putEntity(units, at, AMP_ENTITY);
      else if (code === LT) at = putEntity(units, at, LT_ENTITY);
      else if (code === GT) at = putEntity(units, at, GT_ENTITY);
      else if (code === CR) at = putEntity(units, at, CR_ENTITY);
      else if (code >= 0x20 || code === TAB || code === LF) {
        units[at++] = code;
      }
    }
    if (BIG_ENDIAN) this.bytes.subarray(start * 2, at * 2).swap16();
    this.length = at;
  }

  toString(): string {
    return this.bytes.toString('utf16le', 0, this.length * 2);
  }

  private makeRoom(more: number): void {
    const needed = this.length + more;
    if (needed <= this.units.length) return;
    // Twice what is needed: the pages past what is written are never touched, so this costs address space only.
    const bytes = Buffer.allocUnsafeSlow(Math.max(needed, this.units.length) * 4);
    this.bytes.copy(bytes, 0, 0, this.length * 2);
    this.bytes = bytes;
    this.units = new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2);
  }
}

const unitsOf = (text: string) => Uint16Array.from(text, (char) => char.charCodeAt(0));
const AMP_ENTITY = unitsOf('&amp;');
const LT_ENTITY = unitsOf('&lt;');
const GT_ENTITY = unitsOf('&gt;');
const CR_ENTITY = unitsOf('&#13;');

/** Writes an entity's units where the next unit goes, and answers where the one after goes. */
function putEntity(units: Uint16Array, at: number, entity: Uint16Array): number {
  for (let index = 0; index < entity.length; index++) units[at + index] = entity[index]!;
  return at + entity.length;
}

/** How many units one unit of text becomes: the rules of XmlWriter.text, counted. */
function lengthOf(code: number): number {
  if (code > GT) return code < 0xfffe ? 1 : 0;
  if (code === AMP) return AMP_ENTITY.length;
  if (code === LT) return LT_ENTITY.length;
  if (code === GT) return GT_ENTITY.length;
  if (code === CR) return CR_ENTITY.length;
  return code >= 0x20 || code === TAB || code === LF ? 1 : 0;
}

/** One text escaped on its own (a struct member's name, tests). */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text;
  const writer = new XmlWriter();
  writer.text(text);
  return writer.toString();
}
