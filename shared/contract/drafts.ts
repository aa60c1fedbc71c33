import * as z from 'zod';
import { method } from './define';
import {
  draftFieldsSchema,
  draftSaveSchema,
  type Draft,
  type DraftRevision,
  type DraftSummary,
} from '../model/draft';

const id = z.string().min(1).max(100);

export const draftsMethods = {
  /** Newest edit first; `query` searches titles and bodies; `trash` lists the trash instead. */
  'drafts-list': method(
    z.object({ query: z.string().max(500).optional(), trash: z.boolean().optional() }).strict(),
  ).returns<DraftSummary[]>(),
  /**
   * One window of `drafts-list` (same order and filters) and how many drafts match in all: the app's
   * list loads the rows it shows, since sending 10,000 summaries takes longer than the budget to paint.
   */
  'drafts-page': method(
    z
      .object({
        query: z.string().max(500).optional(),
        trash: z.boolean().optional(),
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(500),
      })
      .strict(),
  ).returns<{ items: DraftSummary[]; total: number }>(),
  'drafts-get': method(z.object({ id }).strict()).returns<Draft>(),
  /**
   * Looks at the draft folders again for what another process (the CLI) made, changed or erased;
   * each change arrives as an event. Returns how many drafts changed.
   */
  'drafts-recheck': method(z.object({}).strict()).returns<number>(),
  'drafts-create': method(
    draftFieldsSchema
      .partial()
      .extend({ html: z.string().max(50_000_000).optional() })
      .strict(),
  ).returns<Draft>(),
  /**
   * `baseUpdatedAt`: the version the editor started from. When the draft on disk is newer (the CLI or
   * another window changed it), the save is refused with `conflict`, so nothing is overwritten silently.
   */
  'drafts-save': method(
    z.object({ draft: draftSaveSchema, baseUpdatedAt: z.string().max(100).optional() }).strict(),
  ).returns<DraftSummary>(),
  /** Moves a draft to the trash; `drafts-restore` brings it back. */
  'drafts-delete': method(z.object({ id }).strict()).returns<DraftSummary>(),
  'drafts-restore': method(z.object({ id }).strict()).returns<DraftSummary>(),
  'drafts-empty-trash': method(z.object({}).strict()).returns<number>(),
  'drafts-duplicate': method(z.object({ id }).strict()).returns<Draft>(),
  'drafts-revisions': method(z.object({ id }).strict()).returns<DraftRevision[]>(),
  /** The draft as it was in one revision, for preview and comparison. */
  'drafts-revision-get': method(
    z.object({ id, revisionId: z.string().min(1).max(100) }).strict(),
  ).returns<Draft>(),
  'drafts-restore-revision': method(
    z.object({ id, revisionId: z.string().min(1).max(100) }).strict(),
  ).returns<Draft>(),
  'drafts-export': method(z.object({ id, format: z.enum(['html', 'md']) }).strict()).returns<{
    filename: string;
    content: string;
  }>(),
  'drafts-import': method(
    z.object({ filename: z.string().min(1).max(500), content: z.string().max(50_000_000) }).strict(),
  ).returns<Draft>(),
  /** Copies an image into the draft's own folder; returns the `src` the editor puts in the body. */
  'drafts-add-asset': method(
    z
      .object({
        id,
        filename: z.string().min(1).max(255),
        mimeType: z.string().regex(/^image\/[a-z0-9.+-]+$/),
        dataBase64: z.string().max(70_000_000),
      })
      .strict(),
  ).returns<{ src: string }>(),
};

export interface DraftsEvents {
  /** A draft was saved, created, trashed, restored or its status changed: the list refreshes it. */
  'draft-changed': DraftSummary;
  /**
   * Drafts that are gone from the library (the trash was emptied, a broken draft was quarantined,
   * a folder was removed from disk): lists drop these ids. Not sent for drafts moved to the trash.
   */
  'drafts-removed': { ids: string[] };
  /** Draft files that could not be read were moved to the quarantine folder. */
  'drafts-quarantined': { files: string[]; folder: string };
}
