import type {
  Draft,
  DraftFields,
  DraftSave,
  DraftStatus,
  DraftSummary,
  RemotePost,
} from '../../../shared/model/draft';

/**
 * What other domains (publishing, the outbox, digests, the calendar) need of the drafts library.
 * The library in this folder implements it; only it touches draft files.
 */
export interface DraftStore {
  get(id: string): Promise<Draft>;
  /** A new draft from HTML (CLI, import, digest, "new post from event", a pulled remote post). */
  create(input: Partial<DraftFields> & { html?: string }): Promise<Draft>;
  /** Replaces the draft's fields and body, as the editor's save does (a pulled post's images made local). */
  save(input: DraftSave): Promise<DraftSummary>;
  /** Records publish state for the list's badges: queued, published, failed (with the reason). */
  setStatus(id: string, status: DraftStatus, message?: string | null): Promise<DraftSummary>;
  /**
   * Links the draft to its post on a blog, so publishing again updates it (null unlinks). With
   * `status`, the badge changes in the same write: one write of draft.json per change of state.
   */
  setRemote(id: string, remote: RemotePost | null, status?: DraftStatus): Promise<DraftSummary>;
  /** Sets the featured image (one of the draft's own files; null takes it off), as the post panel does. */
  setFeaturedImage(id: string, src: string | null): Promise<DraftSummary>;
  /** The drafts linked to a post (a blog's post id), so a post that moved can take its drafts along. */
  linkedTo(blogId: string, postId: string): Promise<string[]>;
  /** The file on disk of an image the body refers to by `src` (as returned by drafts-add-asset); null if none. */
  assetFile(id: string, src: string): string | null;
  /** Stores an image streamed to a host (the browser host's upload), as drafts-add-asset does. */
  addAssetFromStream(input: {
    id: string;
    filename: string;
    mimeType: string;
    body: AsyncIterable<Uint8Array>;
  }): Promise<{ src: string }>;
}
