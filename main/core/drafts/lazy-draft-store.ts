import type {
  Draft,
  DraftFields,
  DraftSave,
  DraftStatus,
  DraftSummary,
  RemotePost,
} from '../../../shared/model/draft';
import { assetFileFor } from './draft-assets';
import { DraftPaths } from './draft-paths';
import type { DraftLibrary } from './draft-library';
import type { DraftStore } from './draft-store';

/**
 * The drafts library as other domains see it, opened on first use: a command that never touches
 * a draft never opens the index. Serving an image needs only the paths, so it opens nothing.
 */
export class LazyDraftStore implements DraftStore {
  /** Where each draft's files are: serving or inlining an image needs only this, not the index. */
  readonly paths: DraftPaths;
  private opening: Promise<DraftLibrary> | undefined;

  constructor(
    dataDir: string,
    private readonly open: () => Promise<DraftLibrary>,
  ) {
    this.paths = new DraftPaths(dataDir);
  }

  library(): Promise<DraftLibrary> {
    return (this.opening ??= this.open().catch((error: unknown) => {
      this.opening = undefined;
      throw error;
    }));
  }

  /** The library if it was opened (or is opening), else undefined. */
  async started(): Promise<DraftLibrary | undefined> {
    return this.opening?.catch(() => undefined);
  }

  async get(id: string): Promise<Draft> {
    return (await this.library()).get(id);
  }

  async create(input: Partial<DraftFields> & { html?: string }): Promise<Draft> {
    return (await this.library()).create(input);
  }

  async save(input: DraftSave): Promise<DraftSummary> {
    return (await this.library()).save(input);
  }

  async setStatus(id: string, status: DraftStatus, message?: string | null): Promise<DraftSummary> {
    return (await this.library()).setStatus(id, status, message);
  }

  async setRemote(id: string, remote: RemotePost | null, status?: DraftStatus): Promise<DraftSummary> {
    return (await this.library()).setRemote(id, remote, status);
  }

  async setFeaturedImage(id: string, src: string | null): Promise<DraftSummary> {
    return (await this.library()).setFeaturedImage(id, src);
  }

  async linkedTo(blogId: string, postId: string): Promise<string[]> {
    return (await this.library()).linkedTo(blogId, postId);
  }

  async addAssetFromStream(input: Parameters<DraftStore['addAssetFromStream']>[0]) {
    return (await this.library()).addAssetFromStream(input);
  }

  assetFile(id: string, src: string): string | null {
    return assetFileFor(this.paths, id, src);
  }
}
