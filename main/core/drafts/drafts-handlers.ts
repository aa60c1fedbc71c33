import type { Handlers } from '../../../shared/contract';
import { inlineAssetImages } from './draft-assets';
import type { SettingsStore } from '../settings/settings-store';
import type { DraftLibrary } from './draft-library';

type DraftsHandlers = Pick<
  Handlers,
  | 'drafts-list'
  | 'drafts-page'
  | 'drafts-get'
  | 'drafts-recheck'
  | 'drafts-create'
  | 'drafts-save'
  | 'drafts-delete'
  | 'drafts-restore'
  | 'drafts-empty-trash'
  | 'drafts-duplicate'
  | 'drafts-revisions'
  | 'drafts-revision-get'
  | 'drafts-restore-revision'
  | 'drafts-export'
  | 'drafts-import'
  | 'drafts-add-asset'
>;

export function draftsHandlers(deps: { library: DraftLibrary; settings?: SettingsStore }): DraftsHandlers {
  const { library } = deps;
  return {
    'drafts-list': (args) => library.list(args),
    'drafts-page': ({ offset, limit, ...options }) => library.page(options, offset, limit),
    'drafts-get': ({ id }) => library.get(id),
    'drafts-recheck': () => library.recheck(),
    // A new draft is kept in Markdown when the settings say so, unless the caller chose.
    'drafts-create': (input) =>
      library.create({ markdown: deps.settings?.get().markdownDrafts || undefined, ...input }),
    'drafts-save': ({ draft, baseUpdatedAt }) => library.save(draft, baseUpdatedAt),
    'drafts-delete': ({ id }) => library.trash(id),
    'drafts-restore': ({ id }) => library.restore(id),
    'drafts-empty-trash': () => library.emptyTrash(),
    'drafts-duplicate': ({ id }) => library.duplicate(id),
    'drafts-revisions': async ({ id }) => {
      await library.get(id);
      return library.revisions.list(id);
    },
    'drafts-revision-get': ({ id, revisionId }) => library.revision(id, revisionId),
    'drafts-restore-revision': ({ id, revisionId }) => library.restoreRevision(id, revisionId),
    // Turndown and marked load on first use, so starting the app does not pay for them.
    'drafts-export': async ({ id, format }) => {
      const { exportDraft } = await import('./draft-convert');
      const file = exportDraft(await library.get(id), format);
      return format === 'html'
        ? { ...file, content: await inlineAssetImages(library.paths, id, file.content) }
        : file;
    },
    'drafts-import': async ({ filename, content }) => {
      const { importDraft } = await import('./draft-convert');
      return library.create(importDraft(filename, content));
    },
    'drafts-add-asset': (input) => library.addAsset(input),
  };
}
