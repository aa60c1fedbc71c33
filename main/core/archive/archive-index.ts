import { statSync } from 'node:fs';
import type { ArchivedPost } from '../../../shared/model/archive';
import type { IndexEntry } from '../drafts/draft-index';
import { searchTextOf } from '../drafts/draft-index';
import { htmlToText, leadingText, snippetOf, countWords } from '../drafts/draft-text';
import { IndexDb } from '../drafts/index-db';
import type { ArchiveFiles } from './archive-files';
import { postKey } from './archive-files';

/** The archive's rows in the drafts index: kind `published`, id `<blog id>/<post key>`, stamp the content hash. */
export function archiveRowId(blogId: string, postId: string): string {
  return `${blogId}/${postKey(postId)}`;
}

export function archiveEntry(post: ArchivedPost, hash: string): IndexEntry {
  return {
    id: archiveRowId(post.blogId, post.postId),
    title: post.title,
    snippet: snippetOf(leadingText(post.html, 160)),
    // The list sorts by it: the post's own date, so the archive reads as the blog does.
    updatedAt: post.publishedAt ?? post.modifiedAt ?? post.pulledAt,
    publishAt: post.publishedAt,
    status: post.status === 'future' ? 'scheduled' : post.status === 'publish' ? 'published' : 'draft',
    wordCount: countWords(htmlToText(post.html)),
    trashedAt: null,
    createdAt: post.publishedAt ?? post.pulledAt,
    statusMessage: null,
    remote: {
      blogId: post.blogId,
      postId: post.postId,
      url: post.url,
      remoteStatus: post.status,
      publishedAt: post.publishedAt,
    },
    stamp: hash,
  };
}

/**
 * The archive's side of the drafts index (drafts/index.sqlite), which the drafts library opens and
 * repairs: a connection of its own over the same file. The rows are derived from the archive's
 * files: when the drafts library set a damaged index aside and started a new one, the first use
 * after it puts every archived post back.
 */
export class ArchiveIndex {
  private db: IndexDb | null = null;

  constructor(
    private readonly path: string,
    private readonly files: ArchiveFiles,
    /** Opens the drafts library, which makes (or repairs) the index file. */
    private readonly ready: () => Promise<unknown>,
  ) {}

  /**
   * The connection, opened again when the file was replaced, with every archived post in it. The
   * drafts library is asked to make or repair the file only when there is no connection to it:
   * asking on every search cost a drafts listing each time (a third of a search at 10k).
   */
  async use(): Promise<IndexDb> {
    if (this.db && sameFile(this.path, this.db)) return this.db;
    await this.ready();
    if (this.db && sameFile(this.path, this.db)) return this.db;
    this.db?.close();
    this.db = new IndexDb(this.path, 'published');
    await this.fill(this.db);
    return this.db;
  }

  /** Puts the posts missing from the index (a new index, a pull stopped between file and row) back. */
  private async fill(db: IndexDb): Promise<void> {
    const stamps = db.stamps();
    for (const blogId of await this.files.blogIds()) {
      for (const key of await this.files.keys(blogId)) {
        const id = `${blogId}/${key}`;
        if (stamps.has(id)) continue;
        const file = await this.files.read(blogId, key);
        if (file) this.put(db, file.post, file.hash);
      }
    }
  }

  put(db: IndexDb, post: ArchivedPost, hash: string): void {
    db.put(archiveEntry(post, hash), { text: searchTextOf(post.title, htmlToText(post.html)) });
  }

  close(): void {
    this.db?.close();
    this.db = null;
  }
}

function sameFile(path: string, db: IndexDb): boolean {
  try {
    return statSync(path).ino === db.inode;
  } catch {
    return false;
  }
}
