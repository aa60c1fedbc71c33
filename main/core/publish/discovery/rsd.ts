import { XMLParser } from 'fast-xml-parser';

export interface RsdApi {
  name: string;
  apiLink: string;
  blogId: string | null;
  preferred: boolean;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => name === 'api',
});

/** The APIs a Really Simple Discovery document lists. DTDs are refused unread, as in XML-RPC. */
export function parseRsd(xml: string): RsdApi[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new Error('the document declares a DTD, which RSD never needs');
  let document: Record<string, unknown>;
  try {
    document = parser.parse(xml, true) as Record<string, unknown>;
  } catch (error) {
    throw new Error(
      `it is not well-formed XML (${(error instanceof Error ? error.message : String(error)).split('\n')[0]})`,
      { cause: error },
    );
  }
  const rsd = document.rsd as { service?: { apis?: { api?: Record<string, string>[] } } } | undefined;
  if (!rsd) throw new Error('it is not an RSD document (no <rsd> element)');
  return (rsd.service?.apis?.api ?? []).map((api) => ({
    name: String(api.name ?? ''),
    apiLink: String(api.apiLink ?? '').replace(/&amp;/g, '&'),
    blogId: api.blogID !== undefined ? String(api.blogID) : null,
    preferred: String(api.preferred).toLowerCase() === 'true',
  }));
}

/** MetaWeblog first, then the WordPress API (same endpoint, richer), then any other XML-RPC API the RSD prefers. */
export function pickXmlRpcApi(apis: RsdApi[]): RsdApi | null {
  const usable = apis.filter((api) => api.apiLink && !/^wp-api$/i.test(api.name) && !/atom/i.test(api.name));
  return (
    usable.find((api) => /^metaweblog$/i.test(api.name)) ??
    usable.find((api) => /^wordpress$/i.test(api.name)) ??
    usable.find((api) => api.preferred) ??
    usable.find((api) => /blogger|movable ?type/i.test(api.name)) ??
    null
  );
}
