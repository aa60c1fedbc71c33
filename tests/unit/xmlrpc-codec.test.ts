import fc from 'fast-check';
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
    // A DTD is refused wherever it starts, also after a comment; its entities are never read.
    refuse('<?xml version="1.0"?><!-- x --><!DOCTYPE x [<!ENTITY a "b">]><methodResponse/>', /DOCTYPE/);
    refuse(encodeResponse('a').replace('>a<', '>fish & chips<'), /a bare "&" \(&\)/);
    refuse(encodeResponse('a').replace('>a<', '>&#0;<'), /invalid character reference/);
    refuse(
      `${encodeResponse('a')}<methodResponse/>`,
      /not well-formed XML \(documents may contain only one root at line \d+, column \d+\)/,
    );
    refuse(encodeResponse('a').replace('<string>a</string>', '<string>a<b>x</b></string>'), /holds elements/);
    // 100,000 elements deep is refused as it is read, long before the values are.
    const deep = '<array><data><value>'.repeat(100_000);
    refuse(encodeResponse(1).replace('<int>1</int>', deep), /nested too deeply/);
  });

  it('reads what real servers send around the XML: a byte-order mark, blank lines, CDATA', () => {
    expect(decodeMethodResponse(`\uFEFF\n\n${encodeResponse('a')}`)).toEqual({ fault: false, value: 'a' });
    const cdata = encodeResponse('a').replace(
      '<string>a</string>',
      '<string><![CDATA[<b>x</b> & y]]></string>',
    );
    expect(decodeMethodResponse(cdata)).toEqual({ fault: false, value: '<b>x</b> & y' });
  });

  it('writes a method call the spec way and drops characters XML cannot carry', () => {
    expect(encodeMethodCall('blogger.deletePost', ['k', 1, true])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<methodCall><methodName>blogger.deletePost</methodName><params><param><value><string>k</string></value></param><param><value><int>1</int></value></param><param><value><boolean>1</boolean></value></param></params></methodCall>',
    );
    expect(escapeXml('a\u0001b<c>&\u0000')).toBe('ab&lt;c&gt;&amp;');
    expect(() => encodeMethodCall('bad name', [])).toThrow(/not a valid XML-RPC method name/);
    expect(() => encodeResponse(Number.NaN)).toThrow(/cannot be sent/);
  });

  it('writes every type exactly as the encoder before the one-pass writer did', () => {
    const value = {
      post_title: 'Tom & Jerry\r\n',
      'odd <name>': [
        null,
        true,
        false,
        -2147483648,
        2147483648,
        0.1,
        new XmlRpcDouble(3),
        new Date(Date.UTC(2024, 0, 15, 10, 30, 5, 250)),
        new Uint8Array([0, 1, 254, 255]),
        [],
      ],
      skipped: undefined as unknown as XmlRpcValue,
      nested: { deeper: {} },
      text: '\u0000a\u0008\u000b\u000c\u001f\t\ufffe\uffff😀\ud800 \udfff é',
    };
    expect(encodeMethodCall('wp.editPost', [7, 'name & <pw>', value])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<methodCall><methodName>wp.editPost</methodName><params>' +
        '<param><value><int>7</int></value></param><param><value><string>name &amp; &lt;pw&gt;</string></value></param>' +
        '<param><value><struct><member><name>post_title</name><value><string>Tom &amp; Jerry&#13;\n</string></value></member>' +
        '<member><name>odd &lt;name&gt;</name><value><array><data><value><nil/></value><value><boolean>1</boolean></value>' +
        '<value><boolean>0</boolean></value><value><int>-2147483648</int></value><value><double>2147483648</double></value>' +
        '<value><double>0.1</double></value><value><double>3</double></value>' +
        '<value><dateTime.iso8601>20240115T10:30:05Z</dateTime.iso8601></value><value><base64>AAH+/w==</base64></value>' +
        '<value><array><data></data></array></value></data></array></value></member>' +
        '<member><name>nested</name><value><struct><member><name>deeper</name><value><struct></struct></value></member></struct></value></member>' +
        '<member><name>text</name><value><string>a\t😀\ud800 \udfff é</string></value></member></struct></value></param></params></methodCall>',
    );
  });

  it('escapes any text as the chain of regex replaces before it did: astral characters, lone surrogates, controls', () => {
    // The escaping before the one-pass writer, kept as the definition of what goes out.
    // eslint-disable-next-line no-control-regex -- the point is to match control characters
    const invalid = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
    const reference = (text: string) =>
      text
        .replace(invalid, '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\r/g, '&#13;');
    const unit = fc.oneof(
      fc.constantFrom('&', '<', '>', '\r', '\n', '\t', '\ufffe', '\uffff', 'é', '—', '😀'),
      fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
      fc.string({ unit: 'binary', maxLength: 3 }),
      fc.string({ maxLength: 40 }),
    );
    // Long enough, now and then, that the writer has to grow its buffer mid-text.
    const text = fc.string({ unit, maxLength: 300, size: 'max' });
    fc.assert(
      fc.property(text, text, (first, second) => {
        expect(escapeXml(first)).toBe(reference(first));
        expect(encodeMethodCall('m', [first, { [second]: [first] }])).toBe(
          '<?xml version="1.0" encoding="UTF-8"?>\n<methodCall><methodName>m</methodName><params>' +
            `<param><value><string>${reference(first)}</string></value></param>` +
            `<param><value><struct><member><name>${reference(second)}</name><value><array><data>` +
            `<value><string>${reference(first)}</string></value></data></array></value></member></struct></value></param>` +
            '</params></methodCall>',
        );
      }),
      { numRuns: 300 },
    );
  });
});
