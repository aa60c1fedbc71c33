import { XmlRpcDouble, type XmlRpcValue } from './values';
import { XmlWriter } from './xml-writer';

export { escapeXml } from './xml-writer';

/** dateTime.iso8601 in UTC with a Z, which WordPress (and the spec's readers) take as GMT. */
export function formatDateTime(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error('An invalid date cannot be sent over XML-RPC.');
  const iso = date.toISOString(); // 2024-01-15T10:30:00.000Z
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 19)}Z`;
}

function encodeValue(value: XmlRpcValue, out: XmlWriter, depth: number): void {
  if (depth > 64) throw new Error('The value is nested too deeply to send over XML-RPC.');
  if (value === null) {
    out.raw('<value><nil/></value>');
  } else if (typeof value === 'string') {
    out.raw('<value><string>');
    out.text(value);
    out.raw('</string></value>');
  } else if (typeof value === 'boolean') {
    out.raw(value ? '<value><boolean>1</boolean></value>' : '<value><boolean>0</boolean></value>');
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${value} cannot be sent over XML-RPC.`);
    if (Number.isInteger(value) && value >= -2147483648 && value <= 2147483647) {
      out.raw(`<value><int>${value}</int></value>`);
    } else {
      out.raw(`<value><double>${value}</double></value>`);
    }
  } else if (value instanceof XmlRpcDouble) {
    if (!Number.isFinite(value.value)) throw new Error(`${value.value} cannot be sent over XML-RPC.`);
    out.raw(`<value><double>${value.value}</double></value>`);
  } else if (value instanceof Date) {
    out.raw(`<value><dateTime.iso8601>${formatDateTime(value)}</dateTime.iso8601></value>`);
  } else if (value instanceof Uint8Array) {
    out.raw('<value><base64>');
    out.raw(Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64'));
    out.raw('</base64></value>');
  } else if (Array.isArray(value)) {
    out.raw('<value><array><data>');
    for (const item of value) encodeValue(item, out, depth + 1);
    out.raw('</data></array></value>');
  } else {
    out.raw('<value><struct>');
    for (const [name, member] of Object.entries(value)) {
      if (member === undefined) continue;
      out.raw('<member><name>');
      out.text(name);
      out.raw('</name>');
      encodeValue(member, out, depth + 1);
      out.raw('</member>');
    }
    out.raw('</struct></value>');
  }
}

export function encodeValueXml(value: XmlRpcValue): string {
  const out = new XmlWriter();
  encodeValue(value, out, 0);
  return out.toString();
}

export function encodeMethodCall(method: string, params: XmlRpcValue[]): string {
  if (!/^[A-Za-z0-9_.:/]+$/.test(method)) throw new Error(`"${method}" is not a valid XML-RPC method name.`);
  const out = new XmlWriter();
  out.raw('<?xml version="1.0" encoding="UTF-8"?>\n<methodCall><methodName>');
  out.raw(method);
  out.raw('</methodName><params>');
  for (const param of params) {
    out.raw('<param>');
    encodeValue(param, out, 0);
    out.raw('</param>');
  }
  out.raw('</params></methodCall>');
  return out.toString();
}

/** A fault response, for servers (the tests' hostile server) and symmetry with the decoder. */
export function encodeFault(code: number, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<methodResponse><fault>${encodeValueXml({ faultCode: code, faultString: message })}</fault></methodResponse>`;
}

export function encodeResponse(value: XmlRpcValue): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<methodResponse><params><param>${encodeValueXml(value)}</param></params></methodResponse>`;
}
