import type { IndexEntry } from '../../main/core/drafts/draft-index';
import type { DocumentKind } from '../../main/core/drafts/index-db';

/** A row of a generated drafts index: a draft or an archived post, with the text it is searched by. */
export interface IndexDoc {
  kind: DocumentKind;
  id: string;
  updatedAt: string;
  trashed: boolean;
  text: string;
}

/** The list entry the index keeps for a generated row (an archived post names its blog and post). */
export function indexEntryOf(doc: IndexDoc): IndexEntry {
  return {
    id: doc.id,
    title: doc.id,
    snippet: '',
    updatedAt: doc.updatedAt,
    publishAt: null,
    status: doc.kind === 'draft' ? 'draft' : 'published',
    wordCount: 0,
    trashedAt: doc.trashed ? doc.updatedAt : null,
    createdAt: doc.updatedAt,
    statusMessage: null,
    remote:
      doc.kind === 'draft'
        ? null
        : { blogId: 'b', postId: doc.id, url: null, remoteStatus: 'publish', publishedAt: doc.updatedAt },
    stamp: '1',
  };
}
