import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import * as z from 'zod';
import {
  BUILT_IN_POST_TEMPLATES,
  postTemplateSchema,
  type PostTemplate,
} from '../../../shared/model/post-template';
import { writeFileAtomic } from '../fs/atomic-write';
import { readStoreFileLocked, tryReadStoreFile, type SetAsideDeps } from '../fs/store-file';
import { storeLockPath, withStoreLock } from '../fs/store-lock';

export const POST_TEMPLATES_LOCK = 'post-templates';
export const POST_TEMPLATES_FILE = 'post-templates.json';
const FORMAT_VERSION = 1;

const fileSchema = z.object({
  version: z.literal(FORMAT_VERSION),
  templates: z.array(postTemplateSchema).max(500),
});

const builtInFile = (): z.infer<typeof fileSchema> => ({
  version: FORMAT_VERSION,
  templates: structuredClone([...BUILT_IN_POST_TEMPLATES]),
});

export const newTemplateId = (): string => `t-${randomBytes(6).toString('hex')}`;

/**
 * `post-templates.json`: the author's post templates. Until it exists the list is the built-in
 * examples; once the author changes anything the whole list is theirs (a deleted example stays
 * deleted). Every change is a read-modify-write under the `post-templates` lock, shared by every
 * process on the data folder, and the file is replaced crash-safely. A file that cannot be read,
 * even again under the lock, is moved to `quarantine/` (never deleted) and reported; the list
 * starts again from the examples.
 */
export class PostTemplateStore {
  private readonly file: string;
  private readonly lockPath: string;

  constructor(private readonly deps: SetAsideDeps) {
    this.file = join(deps.dataDir, POST_TEMPLATES_FILE);
    this.lockPath = storeLockPath(deps.dataDir, POST_TEMPLATES_LOCK);
  }

  /** The templates as they are now; reads take no lock (the file is replaced whole). */
  async list(): Promise<PostTemplate[]> {
    return (await this.tryRead()) ?? (await withStoreLock(this.lockPath, () => this.readLocked()));
  }

  /** Changes the list as it is now, under the lock, and saves it; returns the list saved. */
  change(edit: (templates: PostTemplate[]) => PostTemplate[]): Promise<PostTemplate[]> {
    return withStoreLock(this.lockPath, async () => {
      const next = edit(await this.readLocked());
      await writeFileAtomic(
        this.file,
        `${JSON.stringify({ version: FORMAT_VERSION, templates: next }, null, 1)}\n`,
      );
      return next;
    });
  }

  /** The list; the examples when there is no file; null when it cannot be read. */
  private async tryRead(): Promise<PostTemplate[] | null> {
    return (await tryReadStoreFile(this.file, fileSchema, builtInFile))?.templates ?? null;
  }

  /** Under the lock: the list, or, when the file is still unreadable, the examples, the file set aside. */
  private async readLocked(): Promise<PostTemplate[]> {
    return (await readStoreFileLocked(this.file, fileSchema, builtInFile, this.deps)).templates;
  }
}
