import type { Handlers } from '../../../shared/contract';
import type { Blog } from '../../../shared/model/blog';
import type { CoreDeps } from '../core-deps';
import { BlogStylesheets } from './preview/blog-stylesheet';
import { UiStateStore } from './ui-state-store';

type DesktopHandlers = Pick<
  Handlers,
  'ui-state-get' | 'ui-state-update' | 'preview-stylesheet' | 'preview-html'
>;

/** Where the author left off, and what the preview needs from the core. */
export function desktopHandlers(
  deps: Pick<CoreDeps, 'dataDir' | 'http' | 'clock' | 'logger'> & {
    blog: (id: string) => Promise<Blog>;
    inlineImages: (draftId: string, html: string) => Promise<string>;
  },
): DesktopHandlers {
  const uiState = new UiStateStore(deps.dataDir, deps.logger);
  const stylesheets = new BlogStylesheets({ ...deps, now: () => deps.clock.now() });
  return {
    'ui-state-get': () => uiState.get(),
    'ui-state-update': ({ patch }) => uiState.update(patch),
    'preview-stylesheet': async ({ blogId, refresh }, { signal }) =>
      stylesheets.get(await deps.blog(blogId), refresh ?? false, signal),
    'preview-html': ({ draftId, html }) => deps.inlineImages(draftId, html),
  };
}
