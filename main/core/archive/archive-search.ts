import type { ParsedArgsOf } from '../../../shared/contract';
import type { SearchHit } from '../../../shared/model/archive';
import type { DraftSummary } from '../../../shared/model/draft';
import { summaryOf } from '../drafts/draft-summary';
import type { DraftLibrary } from '../drafts/draft-library';
import { queryWords } from '../drafts/draft-text';
import type { DocumentKind, IndexDb, IndexHit } from '../drafts/index-db';

/**
 * One search over the drafts, the archive or both, newest first. The drafts come through their
 * library, which brings the index up to date with the latest saves first. Both sides live in one
 * index file, so a search of both is one query over it, merged and counted by SQLite (two
 * queries paid the full-text lookup, which covers the whole file, twice).
 */
export async function searchArchive(
  args: ParsedArgsOf<'archive-search'>,
  open: { drafts: () => Promise<DraftLibrary>; archive: () => Promise<IndexDb> },
): Promise<{ items: SearchHit[]; total: number }> {
  const query = args.query ?? '';
  if (args.in === 'drafts') {
    const page = await (await open.drafts()).page({ query }, args.offset, args.limit);
    return { items: page.items.map(draftHit), total: page.total };
  }
  const kinds: DocumentKind[] = ['published'];
  if (args.in === 'both') {
    await (await open.drafts()).prepareSearch();
    kinds.unshift('draft');
  }
  const { hits, total } = (await open.archive()).search(queryWords(query), {
    kinds,
    trash: false,
    offset: args.offset,
    limit: args.limit,
  });
  return { items: hits.map(searchHit), total };
}

function draftHit(item: DraftSummary): SearchHit {
  return { ...item, kind: 'draft', blogId: null, postId: null, url: null };
}

function searchHit({ kind, entry }: IndexHit): SearchHit {
  if (kind === 'draft') return draftHit(summaryOf(entry));
  return {
    ...summaryOf(entry),
    kind: 'published',
    blogId: entry.remote?.blogId ?? null,
    postId: entry.remote?.postId ?? null,
    url: entry.remote?.url ?? null,
  };
}
