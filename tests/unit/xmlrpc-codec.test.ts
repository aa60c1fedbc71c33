import { describe, expect, it } from 'vitest';
import { decodeMethodResponse, XmlRpcDecodeError } from '../../main/core/publish/xmlrpc/decode';
import {
  encodeFault,
  encodeMethodCall,
  encodeResponse,
  escapeXml,
} from '../../main/core/publish/xmlrpc/encode';
import { XmlRpcDouble, type XmlRpcValue } from '../../main/core/publish/xmlrpc/values';

const roundTrip = (value: XmlRpcValue) => {
  const decoded = decodeMethodResponse(encodeResponse(value));
  if (decoded.fault) throw new Error('unexpected fault');
  return decoded.value;
};

describe('XML-RPC encoding and decoding', () => {
  it('round-trips the whole value set', () => {
    const value = {
      int: 42,
      negative: -7,
      double: 3.25,
      wholeDouble: new XmlRpcDouble(2),
      big: 2 ** 40,
      yes: true,
      no: false,
      text: 'A <title> & "quotes" \'apos\' é ☺ \r\n end',
      empty: '',
      date: new Date('2024-01-15T10:30:00Z'),
      bytes: new Uint8Array([0, 1, 2, 250, 255]),
      nothing: null,
      list: [1, 'two', [3], { four: 4 }],
      nested: { deeper: { deepest: ['x'] } },
    };
    expect(roundTrip(value)).toEqual({ ...value, wholeDouble: 2, big: 2 ** 40 });
  });

  it('reads values the way other servers write them', () => {
    const xml = `<?xml version="1.0"?><methodResponse><params><param><value><struct>
      <member><name>untyped</name><value>  spaced text  </value></member>
      <member><name>i4</name><value><i4>-12</i4></value></member>
      <member><name>boolean</name><value><boolean>1</boolean></value></member>
      <member><name>local</name><value><dateTime.iso8601>20240115T10:30:00</dateTime.iso8601></value></member>
      <member><name>offset</name><value><dateTime.iso8601>2024-01-15T12:30:00+02:00</dateTime.iso8601></value></member>
      <member><name>refs</name><value><string>&#233;&#x263A; &amp;lt;</string></value></member>
      <member><name>emptyArray</name><value><array><data></data></array></value></member>
      <member><name>emptyValue</name><value/></member>
    </struct></value></param></params></methodResponse>`;
    const decoded = decodeMethodResponse(xml);
    expect(decoded).toEqual({
      fault: false,
      value: {
        untyped: '  spaced text  ',
        i4: -12,
        boolean: true,
        local: new Date('2024-01-15T10:30:00Z'),
        offset: new Date('2024-01-15T10:30:00Z'),
        refs: 'é☺ &lt;',
        emptyArray: [],
        emptyValue: '',
      },
    });
  });

  it('decodes faults, also with a code that is not a number', () => {
    expect(decodeMethodResponse(encodeFault(403, 'Incorrect username or password.'))).toEqual({
      fault: true,
      code: 403,
      message: 'Incorrect username or password.',
    });
    const stringCode = encodeFault(1, 'x').replace('<int>1</int>', '<string>oops</string>');
    expect(decodeMethodResponse(stringCode)).toMatchObject({ fault: true, code: null, message: 'x' });
  });

  it('reads a fault whose text is a struct or an array as a fault with no message (the fuzz found it crashing)', () => {
    for (const value of [
      '<struct><member><name>a</name><value><int>1</int></value></member></struct>',
      '<array><data><value><int>1</int></value></data></array>',
    ]) {
      const odd = encodeFault(7, 'x').replace('<string>x</string>', value);
      expect(decodeMethodResponse(odd)).toEqual({ fault: true, code: 7, message: '' });
    }
    const numeric = encodeFault(7, 'x').replace('<string>x</string>', '<int>42</int>');
    expect(decodeMethodResponse(numeric)).toEqual({ fault: true, code: 7, message: '42' });
  });

  it('refuses DTDs, HTML, broken XML and values that are not what their type says', () => {
    const refuse = (xml: string, message: RegExp) => {
      expect(() => decodeMethodResponse(xml)).toThrow(XmlRpcDecodeError);
      expect(() => decodeMethodResponse(xml)).toThrow(message);
    };
    refuse('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><methodResponse/>', /DOCTYPE/);
    refuse('<!doctype html><html><body>hi</body></html>', /HTML page/);
    refuse('<methodResponse><params><param><value><string>x</value></param></params>', /well-formed/);
    refuse('{"json": true}', /not XML/);
    refuse('<?xml version="1.0"?><rsd/>', /<rsd>, not an XML-RPC/);
    refuse(encodeResponse(1).replace('<int>1</int>', '<int>1e99</int>'), /not a valid <int>/);
    refuse(encodeResponse(1).replace('<int>1</int>', '<boolean>yes</boolean>'), /not a valid <boolean>/);
    refuse(encodeResponse('a').replace('<string>a</string>', '<string>&nbsp;</string>'), /undefined entity/);
    refuse(encodeResponse(1).replace('<int>1</int>', '<blob>1</blob>'), /not an XML-RPC type/);
  });

  it('writes a method call the spec way and drops characters XML cannot carry', () => {
    expect(encodeMethodCall('blogger.deletePost', ['k', 1, true])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<methodCall><methodName>blogger.deletePost</methodName><params><param><value><string>k</string></value></param><param><value><int>1</int></value></param><param><value><boolean>1</boolean></value></param></params></methodCall>',
    );
    expect(escapeXml('a\u0001b<c>&\u0000')).toBe('ab&lt;c&gt;&amp;');
    expect(() => encodeMethodCall('bad name', [])).toThrow(/not a valid XML-RPC method name/);
    expect(() => encodeResponse(Number.NaN)).toThrow(/cannot be sent/);
  });
});
