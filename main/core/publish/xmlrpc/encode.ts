import { XmlRpcDouble, type XmlRpcValue } from './values';

/** XML 1.0 cannot carry these characters at all; they are dropped rather than sent as a broken document. */
// eslint-disable-next-line no-control-regex -- the point is to match control characters
const INVALID_XML_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeXml(text: string): string {
  let out = text.replace(INVALID_XML_CHARS, '');
  if (/[&<>\r]/.test(out))
    out = out.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
  return out;
}

/** dateTime.iso8601 in UTC with a Z, which WordPress (and the spec's readers) take as GMT. */
export function formatDateTime(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error('An invalid date cannot be sent over XML-RPC.');
  const iso = date.toISOString(); // 2024-01-15T10:30:00.000Z
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 19)}Z`;
}

function encodeValue(value: XmlRpcValue, out: string[], depth: number): void {
  if (depth > 64) throw new Error('The value is nested too deeply to send over XML-RPC.');
  if (value === null) {
    out.push('<value><nil/></value>');
  } else if (typeof value === 'string') {
    out.push('<value><string>', escapeXml(value), '</string></value>');
  } else if (typeof value === 'boolean') {
    out.push(value ? '<value><boolean>1</boolean></value>' : '<value><boolean>0</boolean></value>');
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${value} cannot be sent over XML-RPC.`);
    if (Number.isInteger(value) && value >= -2147483648 && value <= 2147483647) {
      out.push('<value><int>', String(value), '</int></value>');
    } else {
      out.push('<value><double>', String(value), '</double></value>');
    }
  } else if (value instanceof XmlRpcDouble) {
    if (!Number.isFinite(value.value)) throw new Error(`${value.value} cannot be sent over XML-RPC.`);
    out.push('<value><double>', String(value.value), '</double></value>');
  } else if (value instanceof Date) {
    out.push('<value><dateTime.iso8601>', formatDateTime(value), '</dateTime.iso8601></value>');
  } else if (value instanceof Uint8Array) {
    out.push(
      '<value><base64>',
      Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64'),
      '</base64></value>',
    );
  } else if (Array.isArray(value)) {
    out.push('<value><array><data>');
    for (const item of value) encodeValue(item, out, depth + 1);
    out.push('</data></array></value>');
  } else {
    out.push('<value><struct>');
    for (const [name, member] of Object.entries(value)) {
      if (member === undefined) continue;
      out.push('<member><name>', escapeXml(name), '</name>');
      encodeValue(member, out, depth + 1);
      out.push('</member>');
    }
    out.push('</struct></value>');
  }
}

export function encodeValueXml(value: XmlRpcValue): string {
  const out: string[] = [];
  encodeValue(value, out, 0);
  return out.join('');
}

export function encodeMethodCall(method: string, params: XmlRpcValue[]): string {
  if (!/^[A-Za-z0-9_.:/]+$/.test(method)) throw new Error(`"${method}" is not a valid XML-RPC method name.`);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<methodCall><methodName>',
    method,
    '</methodName><params>',
  ];
  for (const param of params) {
    out.push('<param>');
    encodeValue(param, out, 0);
    out.push('</param>');
  }
  out.push('</params></methodCall>');
  return out.join('');
}

/** A fault response, for servers (the tests' hostile server) and symmetry with the decoder. */
export function encodeFault(code: number, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<methodResponse><fault>${encodeValueXml({ faultCode: code, faultString: message })}</fault></methodResponse>`;
}

export function encodeResponse(value: XmlRpcValue): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<methodResponse><params><param>${encodeValueXml(value)}</param></params></methodResponse>`;
}
