/**
 * Hostile HTML an author might paste from a page built to attack editors: scripts, event handlers,
 * javascript:/data:/vbscript:/file: targets, SVG and MathML tricks, CSS expressions, frames, forms,
 * meta refresh, base href, srcdoc and mutation-XSS shapes. Payloads set `window.__pwned` or open a
 * dialog, so running any of them is visible to the test.
 */
export const HOSTILE_SNIPPETS: [name: string, html: string][] = [
  ['script element', '<script>window.__pwned="script"</script>after script'],
  ['img onerror', '<img src="x" onerror="window.__pwned=\'img\'">after img'],
  ['javascript: link', '<a href="javascript:window.__pwned=\'link\'">js link</a>'],
  ['mixed-case javascript: link', '<a href="JaVaScRiPt:alert(1)">caps link</a>'],
  ['tab inside the scheme', '<a href="java&#x09;script:alert(1)">tab link</a>'],
  ['entity-encoded scheme', '<a href="&#106;avascript:alert(1)">entity link</a>'],
  ['leading space before the scheme', '<a href=" javascript:alert(1)">spaced link</a>'],
  ['data: link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>'],
  ['vbscript: link', '<a href="vbscript:msgbox(1)">vb link</a>'],
  ['file: link', '<a href="file:///etc/passwd">file link</a>'],
  ['svg onload', '<svg onload="window.__pwned=\'svg\'"><circle r="10"/></svg>after svg'],
  ['script inside svg', '<svg><script>window.__pwned="svg script"</script></svg>after svg script'],
  [
    'svg xlink javascript',
    '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">svg link</text></a></svg>',
  ],
  ['svg data image', '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" alt="svg data">'],
  [
    'MathML mXSS through style',
    '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=\'mathml\'"></style></mglyph></table></mtext></math>',
  ],
  ['MathML href', '<math href="javascript:alert(1)">math link</math>'],
  [
    'MathML annotation-xml',
    '<math><mi>x</mi><annotation-xml encoding="text/html"><img src=x onerror=alert(1)></annotation-xml></math>',
  ],
  [
    'maction xlink',
    '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">act</maction></math>',
  ],
  ['CSS url(javascript:)', '<p style="background:url(javascript:alert(1))">css url</p>'],
  ['CSS expression()', '<div style="width: expression(alert(1))">css expression</div>'],
  [
    'style element with @import',
    '<style>@import "javascript:alert(1)"; p{background:url("javascript:alert(1)")}</style>styled',
  ],
  ['iframe javascript:', '<iframe src="javascript:alert(1)"></iframe>after iframe'],
  [
    'iframe srcdoc',
    '<iframe srcdoc="<script>parent.__pwned=\'frame\'</script>"></iframe>after the inline frame',
  ],
  ['object data', '<object data="javascript:alert(1)"></object>after object'],
  ['embed src', '<embed src="javascript:alert(1)">after embed'],
  ['form action', '<form action="javascript:alert(1)"><button>go</button></form>'],
  ['formaction', '<form><input type="submit" formaction="javascript:alert(1)" value="x"></form>'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">after meta'],
  ['base href', '<base href="javascript:alert(1)//"><a href="/relative">relative link</a>'],
  ['link import', '<link rel="import" href="data:text/html,<script>alert(1)</script>">after link'],
  ['details ontoggle', '<details open ontoggle="window.__pwned=\'details\'">details</details>'],
  ['body onload', '<body onload="window.__pwned=\'body\'">body text</body>'],
  ['video source onerror', '<video><source onerror="window.__pwned=\'video\'"></video>after video'],
  ['audio onerror', '<audio src=x onerror="window.__pwned=\'audio\'">after audio'],
  ['input autofocus onfocus', '<input autofocus onfocus="window.__pwned=\'input\'">after input'],
  ['noscript mXSS', '<noscript><p title="</noscript><img src=x onerror=window.__pwned=\'noscript\'>">'],
  ['template script', '<template><script>alert(1)</script></template>after template'],
  ['comment hiding markup', '<p>ok</p><!--<img src=x onerror=window.__pwned="comment">-->'],
  ['link in a table', '<table><tr><td><a href="javascript:alert(1)">in table</a></td></tr></table>'],
  [
    'handlers on a div',
    '<div onclick="window.__pwned=\'div\'" onmouseover="window.__pwned=\'div\'">hover me</div>',
  ],
  [
    'good link with a handler',
    '<a href="https://example.com/ok" onclick="window.__pwned=\'onclick\'">good link</a>',
  ],
  ['unquoted onerror', '<img src=x onerror=window.__pwned=1>after unquoted'],
  ['colon entity in the scheme', '<a href="javascript&colon;alert(1)">colon entity</a>'],
  ['NUL inside the scheme', '<a href="java\u0000script:alert(1)">nul link</a>'],
  ['srcset javascript', '<img srcset="javascript:alert(1) 1x" alt="srcset">'],
  [
    'svg animate onbegin',
    '<svg><animate onbegin="window.__pwned=\'animate\'" attributeName="x" dur="1s"/></svg>x',
  ],
  [
    'svg set href',
    '<svg><a><set attributeName="href" to="javascript:alert(1)"/><text y="20">set</text></a></svg>',
  ],
  [
    'foreignObject iframe',
    '<svg><foreignObject><iframe src="javascript:alert(1)"></iframe></foreignObject></svg>fo',
  ],
  [
    'noembed mXSS',
    '<noembed><img title="</noembed><img src=x onerror=window.__pwned=\'noembed\'>"></noembed>',
  ],
  ['xmp mXSS', '<xmp><img title="</xmp><img src=x onerror=window.__pwned=\'xmp\'>"></xmp>'],
  [
    'select autofocus onfocus',
    '<select autofocus onfocus="window.__pwned=\'select\'"><option>o</option></select>',
  ],
  ['marquee onstart', '<marquee onstart="window.__pwned=\'marquee\'">moving</marquee>'],
  ['button formaction', '<button formaction="javascript:alert(1)">press</button>'],
  [
    'object html data',
    '<object type="text/html" data="data:text/html,<script>alert(1)</script>"></object>obj',
  ],
  [
    'DOM clobbering ids',
    '<form id="__pwned"><input name="attributes"></form><img name="getElementById">clobber',
  ],
  ['style element mXSS in svg', "<svg><style><img src=x onerror=window.__pwned='svgstyle'></style></svg>s"],
  [
    'a ping and target',
    '<a href="https://example.com/" ping="https://evil.example/" target="_top">pinged</a>',
  ],
];

/** What must never be in the body: elements that run or load things, handlers, unsafe targets. */
export const FORBIDDEN_ELEMENTS =
  /^(script|iframe|frame|object|embed|svg|math|form|input|button|select|option|textarea|meta|base|style|link|video|audio|source|template|noscript|noembed|xmp|marquee|details|foreignobject|animate|set)$/i;
export const UNSAFE_TARGET = /^\s*(javascript|data|vbscript|file):/i;

/** Everything in the body that could run or load something, described for the failure message. */
export function findDanger(root: Element, rules: { elements: string; target: string }): string[] {
  const elements = new RegExp(rules.elements, 'i');
  const target = new RegExp(rules.target, 'i');
  const found: string[] = [];
  for (const element of Array.from(root.querySelectorAll('*'))) {
    if (elements.test(element.localName)) found.push(`<${element.localName}>`);
    for (const attribute of Array.from(element.attributes)) {
      if (/^on/i.test(attribute.name)) found.push(`${attribute.name} on <${element.localName}>`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'].includes(attribute.name)) {
        if (target.test(attribute.value) || attribute.name === 'srcdoc')
          found.push(`${attribute.name}="${attribute.value}"`);
      }
      if (attribute.name === 'style' && /url\(|expression\(/i.test(attribute.value))
        found.push(`style="${attribute.value}"`);
    }
  }
  return found;
}

/**
 * What in stored or sent HTML could run or load something, parsed by the page's own parser (it runs
 * in the page: pass it to page.evaluate with the markup and the rules).
 */
export function findDangerInMarkup([html, rules]: readonly [
  string,
  { elements: string; target: string },
]): string[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  const holder = document.createElement('div');
  holder.append(template.content);
  const elements = new RegExp(rules.elements, 'i');
  const target = new RegExp(rules.target, 'i');
  const found: string[] = [];
  for (const element of Array.from(holder.querySelectorAll('*'))) {
    if (elements.test(element.localName)) found.push(`<${element.localName}>`);
    for (const attribute of Array.from(element.attributes)) {
      if (/^on/i.test(attribute.name) || attribute.name === 'style' || attribute.name === 'srcdoc')
        found.push(attribute.name);
      if (target.test(attribute.value)) found.push(`${attribute.name}="${attribute.value}"`);
    }
  }
  return found;
}
