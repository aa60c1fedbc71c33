import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../fs/atomic-write';

/** One post's addresses on one blog, the one it was created at first and where it lives now last. */
interface AddressChain {
  blogId: string;
  urls: string[];
}

interface AddressFile {
  formatVersion: 1;
  posts: AddressChain[];
}

/** Renames are rare; the oldest chains go first once there are this many. */
const MAX_CHAINS = 1000;
const MAX_URLS = 20;

/**
 * The earlier addresses of Micropub posts that moved (WordPress re-slugs a post whose name
 * changes). A server may know a post only by an address it had before: WordPress undeletes a
 * trashed post by the address it was created at. Kept in `micropub-addresses.json`, beside the
 * blogs, so it outlives the draft's link (deleting a post from the app unlinks its draft).
 */
export class PostAddresses {
  private readonly path: string;
  private writing: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string) {
    this.path = join(dataDir, 'micropub-addresses.json');
  }

  /** Records that the post at `from` now lives at `to`. */
  moved(blogId: string, from: string, to: string): Promise<void> {
    if (from === to) return Promise.resolve();
    const work = this.writing.then(async () => {
      const posts = await this.read();
      const chain = posts.find((entry) => entry.blogId === blogId && entry.urls.includes(from));
      const urls = [...(chain?.urls ?? [from]).filter((url) => url !== to), to].slice(-MAX_URLS);
      const rest = posts.filter((entry) => entry !== chain);
      const file: AddressFile = { formatVersion: 1, posts: [...rest, { blogId, urls }].slice(-MAX_CHAINS) };
      await writeFileAtomic(this.path, JSON.stringify(file));
    });
    this.writing = work.catch(() => undefined);
    return work;
  }

  /** Every address the post at `url` is known to have had, oldest first; just `url` when it never moved. */
  async history(blogId: string, url: string): Promise<string[]> {
    await this.writing;
    const chain = (await this.read()).find((entry) => entry.blogId === blogId && entry.urls.includes(url));
    return chain?.urls ?? [url];
  }

  /** A missing or damaged file is an empty one: these addresses help, nothing depends on them. */
  private async read(): Promise<AddressChain[]> {
    try {
      const file = JSON.parse(await readFile(this.path, 'utf8')) as Partial<AddressFile>;
      if (!Array.isArray(file.posts)) return [];
      return file.posts.filter(
        (entry): entry is AddressChain =>
          typeof entry?.blogId === 'string' &&
          Array.isArray(entry.urls) &&
          entry.urls.every((url) => typeof url === 'string'),
      );
    } catch {
      return [];
    }
  }
}
