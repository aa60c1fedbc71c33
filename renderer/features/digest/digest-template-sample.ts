import { DigestTemplateError, renderDigest } from '../../../shared/digest/render-digest';
import type { Bookmark } from '../../../shared/model/bookmark';
import type { DigestTemplate } from '../../../shared/model/digest-template';

function sample(
  url: string,
  title: string,
  description: string,
  comment: string,
  tags: string[],
  addedAt: string,
): Bookmark {
  return {
    id: url,
    url,
    key: url,
    title,
    description,
    comment,
    tags,
    addedAt,
    updatedAt: addedAt,
    archived: false,
    usedIn: [],
    deletedAt: null,
    fetch: { state: 'done', message: null, at: null },
    meta: null,
  };
}

/** The preview's links: three from the seed blog's own digest. */
const SAMPLE = [
  sample(
    'http://data.govt.nz/',
    'data.govt.nz',
    'A beta site where government agencies register their non-personal data sets.',
    '',
    ['opendata', 'nz'],
    '2009-11-05T10:12:00Z',
  ),
  sample(
    'http://www.prefinery.com/',
    'Prefinery: Beta Management Software',
    'Take the headache out of private beta testing with our fast and simple system.',
    'Looks really useful.',
    ['tools'],
    '2009-11-05T15:40:00Z',
  ),
  sample(
    'http://gov2.net.au/blog/2009/11/03/govhack/',
    'GovHack: govt data + hackers + caffeine == good times',
    'An event to encourage greater use and availability of government data.',
    '',
    ['opendata'],
    '2009-11-06T09:03:00Z',
  ),
];

/** A template through the seed's three links, or the sentence that says what is wrong with it. */
export function samplePreview(template: DigestTemplate): {
  title: string;
  html: string;
  error: string | null;
} {
  try {
    return {
      ...renderDigest({ template, from: '2009-11-05', to: '2009-11-08', items: SAMPLE, groupByTag: false }),
      error: null,
    };
  } catch (error) {
    if (error instanceof DigestTemplateError) return { title: '', html: '', error: error.message };
    throw error;
  }
}
