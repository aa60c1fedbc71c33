import type { Draft } from '../../../../shared/model/draft';
import type { MicropubPublishOptions, PostKind } from '../../../../shared/model/micropub';
import type { DraftStore } from '../../drafts/draft-store';
import { featuredImage, localImages, type LocalImage } from '../draft-images';
import { bodyImages } from './post-mapping';
import type { MicropubFormat } from './micropub-types';

export interface DraftEncoding {
  kind: PostKind;
  format: MicropubFormat;
  local: LocalImage[];
  /** What the request cannot carry, said to the author (the post still goes). */
  warnings: string[];
  /** Why the encoding the author asked for would drop something: the post is not sent. */
  refusal: string | null;
}

/**
 * The post type and the request's encoding for a draft, with nothing dropped silently. Only JSON
 * carries alt text (`{value, alt}`): a note whose images have alt text goes as JSON rather than
 * form-encoded, and a form encoding the author asked for is refused before anything is sent. The
 * draft's own images travel as files of a multipart request when the blog has no media endpoint;
 * that request cannot carry alt text and there is no other way, so the author is told.
 */
export function draftEncoding(input: {
  draft: Draft;
  blogName: string;
  options: MicropubPublishOptions;
  mediaEndpoint: string | null;
  drafts: Pick<DraftStore, 'assetFile'>;
  forUpdate: boolean;
}): DraftEncoding {
  const { draft, options } = input;
  const kind: PostKind = options.kind ?? (draft.title.trim() ? 'article' : 'note');
  const local = localImages(draft.html, draft.id, input.drafts);
  const described = bodyImages(draft.html).filter((image) => image.alt.trim());
  const chosen = input.forUpdate ? 'json' : (options.format ?? null);
  const ownFiles = local.length > 0 || featuredImage(draft, input.drafts) !== null;
  const files = ownFiles && !input.mediaEndpoint;
  const format: MicropubFormat =
    chosen ?? (files ? 'multipart' : kind === 'note' && !described.length ? 'form' : 'json');
  const result: DraftEncoding = { kind, format, local, warnings: [], refusal: null };
  if (!described.length || format === 'json') return result;
  const alts = described.slice(0, 3).map((image) => `"${image.alt.trim()}"`);
  const what = `The alt text of ${described.length} ${described.length === 1 ? 'image' : 'images'} (${alts.join(', ')}${described.length > 3 ? ', …' : ''})`;
  if (format === 'form') {
    result.refusal = `${what} cannot travel form-encoded. Publish as JSON (--format json, the default for a post with alt text) to keep it, or remove the alt text.`;
    return result;
  }
  const why = input.mediaEndpoint
    ? 'a multipart request (--format multipart) cannot carry alt text'
    : `${input.blogName} has no media endpoint, so images travel in a multipart request, which cannot carry alt text`;
  result.warnings.push(`${what} is left out: ${why}. You can add it on the blog afterwards.`);
  return result;
}
