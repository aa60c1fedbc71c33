import { SaxesParser } from 'saxes';
import type { XmlRpcValue } from './values';

/** Thrown when a document is not XML-RPC (or not XML at all); the message says what was wrong. */
export class XmlRpcDecodeError extends Error {
  constructor(
    message: string,
    /** True when the document is XML-RPC but a value is not what its type says (`<int>abc</int>`). */
    readonly badValue = false,
  ) {
    super(message);
    this.name = 'XmlRpcDecodeError';
  }
}

export type DecodedResponse =
  { fault: false; value: XmlRpcValue } | { fault: true; code: number | null; message: string };

/** One element of the answer: its child elements, and its text (entities already decoded). */
interface Element {
  name: string;
  children: Element[];
  text: string;
}

/** Deeper than any XML-RPC value the decoder accepts (64 values, each two or three elements down). */
const MAX_ELEMENT_DEPTH = 256;

const UNKNOWN_REFERENCE = /&(?!(?:lt|gt|amp|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});)/;

const DOCTYPE_REFUSED =
  'The answer contains a DOCTYPE (a DTD), which XML-RPC never uses; it was refused unread.';

/**
 * Reads the answer into elements with saxes, a strict XML parser: it refuses what is not
 * well-formed and decodes only XML's own entities and character references, so nothing can expand
 * into anything. A DTD stops it where it starts. It reads a megabyte of escaped HTML in about
 * 15 ms, where a parser that builds text a character at a time took 200.
 */
function readElements(xml: string): Element {
  const parser = new SaxesParser();
  const root: Element = { name: '', children: [], text: '' };
  const open: Element[] = [root];
  parser.on('doctype', () => {
    throw new XmlRpcDecodeError(DOCTYPE_REFUSED);
  });
  parser.on('opentag', (tag) => {
    if (open.length > MAX_ELEMENT_DEPTH)
      throw new XmlRpcDecodeError('The answer is nested too deeply.', true);
    const element: Element = { name: tag.name, children: [], text: '' };
    open.at(-1)!.children.push(element);
    open.push(element);
  });
  parser.on('closetag', () => void open.pop());
  const addText = (text: string) => {
    open.at(-1)!.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof XmlRpcDecodeError) throw error;
    const message = firstLine(error);
    const [, line, column, what] = /^(\d+):(\d+): (.*?)\.?$/.exec(message) ?? [];
    const at = what ? `${what} at line ${line}, column ${column}` : message;
    // A bare "&" reads on as an entity name to the end: named by what it is, not where that ended.
    const reference = UNKNOWN_REFERENCE.exec(xml);
    if (reference || /entity/.test(message)) {
      const where = reference ? xml.slice(reference.index, reference.index + 12).split(/[\s<]/)[0] : at;
      throw new XmlRpcDecodeError(
        `The answer uses an undefined entity, an invalid character reference or a bare "&" (${where}).`,
      );
    }
    throw new XmlRpcDecodeError(`The answer is not well-formed XML (${at}).`);
  }
  return root;
}

/** Parses a methodResponse: its one value, or its fault. Throws XmlRpcDecodeError for anything else. */
export function decodeMethodResponse(xml: string): DecodedResponse {
  // A blank line or a byte-order mark before the XML declaration is a common plugin slip, not a refusal.
  const start = xml.trimStart();
  if (/^(?:<!doctype html|<html[\s>])/i.test(start))
    throw new XmlRpcDecodeError('The answer is an HTML page, not XML-RPC.');
  if (!start.startsWith('<')) throw new XmlRpcDecodeError('The answer is not XML.');
  const document = readElements(start).children[0]!;
  if (document.name !== 'methodResponse')
    throw new XmlRpcDecodeError(
      `The answer is an XML document <${document.name}>, not an XML-RPC methodResponse.`,
    );
  const fault = child(document, 'fault');
  if (fault) {
    const value = decodeValue(elementOf(fault, 'value'), 0);
    if (!isStruct(value)) throw new XmlRpcDecodeError('The fault in the answer is not a struct.', true);
    const rawCode = value.faultCode;
    const code =
      typeof rawCode === 'number'
        ? rawCode
        : typeof rawCode === 'string' && /^-?\d+$/.test(rawCode.trim())
          ? Number(rawCode)
          : null;
    const message = faultText(value.faultString);
    return { fault: true, code, message };
  }
  const params = child(document, 'params');
  if (!params) throw new XmlRpcDecodeError('The methodResponse has neither params nor a fault.');
  const list = params.children.filter((element) => element.name === 'param');
  if (list.length !== 1) throw new XmlRpcDecodeError('The methodResponse must carry exactly one value.');
  return { fault: false, value: decodeValue(elementOf(list[0]!, 'value'), 0) };
}

/** A fault's text as the blog sent it; a struct or an array there says nothing a person can read. */
function faultText(raw: XmlRpcValue | undefined): string {
  if (typeof raw === 'string') return raw;
  return typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : '';
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
}

function isStruct(value: XmlRpcValue): value is { [name: string]: XmlRpcValue } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof Uint8Array)
  );
}

function child(parent: Element, name: string): Element | undefined {
  return parent.children.find((element) => element.name === name);
}

function elementOf(parent: Element, name: string): Element {
  const found = child(parent, name);
  if (!found) throw new XmlRpcDecodeError(`A <${parent.name}> in the answer has no <${name}>.`);
  return found;
}

function textOf(element: Element): string {
  if (element.children.length === 0) return element.text;
  throw new XmlRpcDecodeError(`A <${element.name}> in the answer holds elements instead of text.`, true);
}

const DATE = /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/** dateTime.iso8601 without a zone is taken as UTC (WordPress also sends date_created_gmt). */
export function parseDateTime(text: string): Date {
  const match = DATE.exec(text.trim());
  if (!match) throw new XmlRpcDecodeError(`"${text.slice(0, 40)}" is not a dateTime.iso8601.`, true);
  const [, y, mo, d, h, mi, s, zone] = match;
  let offsetMinutes = 0;
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  }
  const time = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!) - offsetMinutes * 60_000;
  const date = new Date(time);
  if (Number.isNaN(time)) throw new XmlRpcDecodeError(`"${text.slice(0, 40)}" is not a real date.`, true);
  return date;
}

function decodeValue(node: Element, depth: number): XmlRpcValue {
  if (depth > 64) throw new XmlRpcDecodeError('The answer is nested too deeply.', true);
  // No type element: a string, as the spec says, spaces and all.
  if (node.children.length === 0) return node.text;
  if (node.children.length > 1)
    throw new XmlRpcDecodeError(
      `A <value> in the answer has several types (${node.children.map((element) => element.name).join(', ')}).`,
      true,
    );
  const inner = node.children[0]!;
  const type = inner.name;
  switch (type) {
    case 'string':
      return textOf(inner);
    case 'int':
    case 'i4':
    case 'i8': {
      const text = textOf(inner).trim();
      const number = Number(text);
      if (!/^[+-]?\d{1,16}$/.test(text) || !Number.isSafeInteger(number))
        throw new XmlRpcDecodeError(`"${text.slice(0, 40)}" is not a valid <${type}>.`, true);
      return number;
    }
    case 'boolean': {
      const text = textOf(inner).trim();
      if (text === '1' || text === 'true') return true;
      if (text === '0' || text === 'false') return false;
      throw new XmlRpcDecodeError(`"${text.slice(0, 40)}" is not a valid <boolean>.`, true);
    }
    case 'double': {
      const text = textOf(inner).trim();
      if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text))
        throw new XmlRpcDecodeError(`"${text.slice(0, 40)}" is not a valid <double>.`, true);
      return Number(text);
    }
    case 'dateTime.iso8601':
      return parseDateTime(textOf(inner));
    case 'base64': {
      const text = textOf(inner).replace(/\s+/g, '');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text))
        throw new XmlRpcDecodeError('A <base64> in the answer is not base64.', true);
      return new Uint8Array(Buffer.from(text, 'base64'));
    }
    case 'nil':
      return null;
    case 'array': {
      const data = child(inner, 'data');
      if (!data) throw new XmlRpcDecodeError('An <array> in the answer has no <data>.', true);
      return data.children
        .filter((element) => element.name === 'value')
        .map((value) => decodeValue(value, depth + 1));
    }
    case 'struct': {
      const struct: { [name: string]: XmlRpcValue } = Object.create(null);
      for (const member of inner.children.filter((element) => element.name === 'member')) {
        struct[textOf(elementOf(member, 'name'))] = decodeValue(elementOf(member, 'value'), depth + 1);
      }
      return { ...struct };
    }
    default:
      throw new XmlRpcDecodeError(`<${type}> is not an XML-RPC type.`, true);
  }
}
