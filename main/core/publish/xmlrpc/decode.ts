import { XMLParser } from 'fast-xml-parser';
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

type Node = string | { [key: string]: unknown };

const ARRAY_PATHS = /(?:\.data\.value|\.struct\.member|\.params\.param)$/;

// Entities stay as written (processEntities: false): the few XML ones are decoded below, and DTDs are
// refused before parsing, so no entity can expand into anything.
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name, jPath) => typeof jPath === 'string' && ARRAY_PATHS.test(jPath),
});

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const UNKNOWN_REFERENCE = /&(?!(?:lt|gt|amp|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});)/;

/**
 * The five XML entities and character references. Native replaces, one per entity, are much faster
 * on a megabyte of escaped HTML than one regex with a callback; `&amp;` goes last so `&amp;lt;` stays `&lt;`.
 */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  const unknown = UNKNOWN_REFERENCE.exec(text);
  if (unknown) {
    const ref = text.slice(unknown.index, unknown.index + 12).split(/[\s<]/)[0];
    throw new XmlRpcDecodeError(`The answer uses an undefined entity or a bare "&" (${ref}).`);
  }
  // Character references are rare: then one pass with a callback, so nothing is decoded twice.
  if (text.includes('&#')) {
    return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (whole, ref: string) => {
      if (ref[0] !== '#') return NAMED_ENTITIES[ref]!;
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
        throw new XmlRpcDecodeError(`The answer has an invalid character reference ${whole}.`);
      return String.fromCodePoint(code);
    });
  }
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Parses a methodResponse: its one value, or its fault. Throws XmlRpcDecodeError for anything else. */
export function decodeMethodResponse(xml: string): DecodedResponse {
  const start = xml.trimStart();
  if (/^(?:<!doctype html|<html[\s>])/i.test(start))
    throw new XmlRpcDecodeError('The answer is an HTML page, not XML-RPC.');
  if (/<!DOCTYPE|<!ENTITY/i.test(xml.slice(0, 4096)) || /<!ENTITY/i.test(xml)) {
    throw new XmlRpcDecodeError(
      'The answer contains a DOCTYPE (a DTD), which XML-RPC never uses; it was refused unread.',
    );
  }
  if (!start.startsWith('<')) throw new XmlRpcDecodeError('The answer is not XML.');
  let document: Record<string, unknown>;
  try {
    document = parser.parse(xml, true) as Record<string, unknown>;
  } catch (error) {
    throw new XmlRpcDecodeError(`The answer is not well-formed XML (${firstLine(error)}).`);
  }
  const response = document.methodResponse;
  if (response === undefined || typeof response !== 'object' || response === null) {
    const root = Object.keys(document).find((key) => !key.startsWith('?') && key !== '#text');
    throw new XmlRpcDecodeError(
      root
        ? `The answer is an XML document <${root}>, not an XML-RPC methodResponse.`
        : 'The answer has no XML-RPC methodResponse.',
    );
  }
  const body = response as Record<string, unknown>;
  if (body.fault !== undefined) {
    const fault = elementOf(body.fault, 'value', 'fault');
    const value = decodeValue(fault as Node, 0);
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
  const params = body.params;
  if (params === undefined || typeof params !== 'object' || params === null) {
    throw new XmlRpcDecodeError('The methodResponse has neither params nor a fault.');
  }
  const list = (params as Record<string, unknown>).param;
  if (!Array.isArray(list) || list.length !== 1) {
    throw new XmlRpcDecodeError('The methodResponse must carry exactly one value.');
  }
  return { fault: false, value: decodeValue(elementOf(list[0], 'value', 'param') as Node, 0) };
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

function elementOf(parent: unknown, name: string, where: string): unknown {
  if (typeof parent !== 'object' || parent === null || !(name in parent)) {
    throw new XmlRpcDecodeError(`A <${where}> in the answer has no <${name}>.`);
  }
  return (parent as Record<string, unknown>)[name];
}

function textOf(node: unknown, type: string): string {
  if (typeof node === 'string') return node;
  if (typeof node === 'object' && node !== null && Object.keys(node).every((key) => key === '#text')) {
    return String((node as Record<string, unknown>)['#text'] ?? '');
  }
  throw new XmlRpcDecodeError(`A <${type}> in the answer holds elements instead of text.`, true);
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

function decodeValue(node: Node, depth: number): XmlRpcValue {
  if (depth > 64) throw new XmlRpcDecodeError('The answer is nested too deeply.', true);
  if (typeof node === 'string') return decodeXmlText(node);
  if (typeof node !== 'object' || node === null) return '';
  const types = Object.keys(node).filter((key) => key !== '#text');
  if (types.length === 0) return decodeXmlText(String(node['#text'] ?? ''));
  if (types.length > 1)
    throw new XmlRpcDecodeError(`A <value> in the answer has several types (${types.join(', ')}).`, true);
  const type = types[0]!;
  const inner = node[type];
  switch (type) {
    case 'string':
      return decodeXmlText(textOf(inner, type));
    case 'int':
    case 'i4':
    case 'i8': {
      const text = textOf(inner, type).trim();
      const number = Number(text);
      if (!/^[+-]?\d{1,16}$/.test(text) || !Number.isSafeInteger(number))
        throw new XmlRpcDecodeError(`"${text.slice(0, 40)}" is not a valid <${type}>.`, true);
      return number;
    }
    case 'boolean': {
      const text = textOf(inner, type).trim();
      if (text === '1' || text === 'true') return true;
      if (text === '0' || text === 'false') return false;
      throw new XmlRpcDecodeError(`"${text.slice(0, 40)}" is not a valid <boolean>.`, true);
    }
    case 'double': {
      const text = textOf(inner, type).trim();
      if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text))
        throw new XmlRpcDecodeError(`"${text.slice(0, 40)}" is not a valid <double>.`, true);
      return Number(text);
    }
    case 'dateTime.iso8601':
      return parseDateTime(textOf(inner, type));
    case 'base64': {
      const text = textOf(inner, type).replace(/\s+/g, '');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text))
        throw new XmlRpcDecodeError('A <base64> in the answer is not base64.', true);
      return new Uint8Array(Buffer.from(text, 'base64'));
    }
    case 'nil':
      return null;
    case 'array': {
      if (typeof inner !== 'object' || inner === null) {
        if (typeof inner === 'string' && inner.trim() === '')
          throw new XmlRpcDecodeError('An <array> in the answer has no <data>.', true);
        throw new XmlRpcDecodeError('An <array> in the answer is malformed.', true);
      }
      const data = (inner as Record<string, unknown>).data;
      if (data === undefined) throw new XmlRpcDecodeError('An <array> in the answer has no <data>.', true);
      const values =
        typeof data === 'object' && data !== null ? (data as Record<string, unknown>).value : undefined;
      if (values === undefined) return [];
      return (values as Node[]).map((value) => decodeValue(value, depth + 1));
    }
    case 'struct': {
      const struct: { [name: string]: XmlRpcValue } = Object.create(null);
      if (typeof inner !== 'object' || inner === null) return struct;
      const members = (inner as Record<string, unknown>).member;
      for (const member of (members as unknown[] | undefined) ?? []) {
        const name = decodeXmlText(textOf(elementOf(member, 'name', 'member'), 'name'));
        struct[name] = decodeValue(elementOf(member, 'value', 'member') as Node, depth + 1);
      }
      return { ...struct };
    }
    default:
      throw new XmlRpcDecodeError(`<${type}> is not an XML-RPC type.`, true);
  }
}
