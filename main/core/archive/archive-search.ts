import type { ParsedArgsOf } from '../../../shared/contract';
import type { SearchHit } from '../../../shared/model/archive';
import { summaryOf } from '../drafts/draft-index';
import type { DraftLibrary } from '../drafts/draft-library';
import { queryWords } from '../drafts/draft-text';
import type { IndexDb } from '../drafts/index-db';

/**
 * One search over the drafts, the archive or both, newest first: each side's first `offset +
 * limit` rows from the index, merged. The drafts come through their library, which brings the
 * index up to date with the latest saves first.
 */
export async function searchArchive(
  args: ParsedArgsOf<'archive-search'>,
  open: { drafts: () => Promise<DraftLibrary>; archive: () => Promise<IndexDb> },
): Promise<{ items: SearchHit[]; total: number }> {
  const want = args.offset + args.limit;
  const query = args.query ?? '';
  let hits: SearchHit[] = [];
  let total = 0;
  if (args.in !== 'published') {
    const page = await (await open.drafts()).page({ query }, 0, want);
    total += page.total;
    hits = page.items.map((item) => ({ ...item, kind: 'draft', blogId: null, postId: null, url: null }));
  }
  if (args.in !== 'drafts') {
    const page = (await open.archive()).page(queryWords(query), false, 0, want);
    total += page.total;
    hits = hits.concat(
      page.entries.map((entry) => ({
        ...summaryOf(entry),
        kind: 'published',
        blogId: entry.remote?.blogId ?? null,
        postId: entry.remote?.postId ?? null,
        url: entry.remote?.url ?? null,
      })),
    );
    // Newest first across both, the id breaking ties, as each side sorts.
    hits.sort((a, b) =>
      a.updatedAt === b.updatedAt ? a.id.localeCompare(b.id) : a.updatedAt < b.updatedAt ? 1 : -1,
    );
  }
  return { items: hits.slice(args.offset, want), total };
}
