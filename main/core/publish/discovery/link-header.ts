/** One link from an HTTP Link header (RFC 8288): its target and its space-separated rel values. */
export interface HeaderLink {
  href: string;
  rels: string[];
  type: string | null;
}

/**
 * Parses `Link: <a>; rel="x y", <b>; rel=z; type="t"`. Commas and semicolons inside quotes or
 * angle brackets do not split, which a plain split would get wrong.
 */
export function parseLinkHeader(header: string | string[] | undefined): HeaderLink[] {
  if (!header) return [];
  const text = Array.isArray(header) ? header.join(', ') : header;
  const links: HeaderLink[] = [];
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('<', at);
    if (open < 0) break;
    const close = text.indexOf('>', open);
    if (close < 0) break;
    const href = text.slice(open + 1, close).trim();
    at = close + 1;
    const params: Record<string, string> = {};
    while (at < text.length) {
      while (at < text.length && /[\s;]/.test(text[at]!)) at++;
      if (at >= text.length || text[at] === ',') {
        at++;
        break;
      }
      const nameStart = at;
      while (at < text.length && !/[=;,\s]/.test(text[at]!)) at++;
      const name = text.slice(nameStart, at).toLowerCase();
      while (at < text.length && /\s/.test(text[at]!)) at++;
      let value = '';
      if (text[at] === '=') {
        at++;
        while (at < text.length && /\s/.test(text[at]!)) at++;
        if (text[at] === '"') {
          at++;
          while (at < text.length && text[at] !== '"') {
            if (text[at] === '\\' && at + 1 < text.length) at++;
            value += text[at];
            at++;
          }
          at++;
        } else {
          const valueStart = at;
          while (at < text.length && !/[;,]/.test(text[at]!)) at++;
          value = text.slice(valueStart, at).trim();
        }
      }
      if (name && !(name in params)) params[name] = value;
    }
    links.push({
      href,
      rels: (params.rel ?? '').toLowerCase().split(/\s+/).filter(Boolean),
      type: params.type ?? null,
    });
  }
  return links;
}
