import type { appMethods } from './app';
import type { archiveMethods } from './archive';
import type { blogsMethods } from './blogs';
import type { cadenceMethods } from './cadence';
import type { calendarMethods } from './calendar';
import type { desktopMethods } from './desktop';
import type { draftsMethods } from './drafts';
import type { inboxMethods } from './inbox';
import type { micropubMethods } from './micropub';
import type { postTemplatesMethods } from './post-templates';
import type { publishMethods } from './publish';

/**
 * A domain's method names, checked by the compiler against the domain's methods both ways (a name
 * it lacks, or one it does not define, fails `tsc` naming it). The core wires its lazy domains from
 * these: importing the domains' methods would build every zod schema of the contract at start,
 * which cost `serve` about 90 ms before it could listen.
 */
function namesOf<Methods>() {
  return <const Names extends readonly (keyof Methods & string)[]>(
    names: Names &
      ([Exclude<keyof Methods, Names[number]>] extends [never]
        ? unknown
        : { missing: Exclude<keyof Methods, Names[number]> }),
  ): Names => names;
}

export const appMethodNames = namesOf<typeof appMethods>()([
  'app-info',
  'settings-get',
  'settings-update',
  'jobs-list',
  'jobs-cancel',
  'problems-list',
  'problems-dismiss',
]);

export const draftsMethodNames = namesOf<typeof draftsMethods>()([
  'drafts-list',
  'drafts-page',
  'drafts-get',
  'drafts-recheck',
  'drafts-create',
  'drafts-save',
  'drafts-delete',
  'drafts-restore',
  'drafts-empty-trash',
  'drafts-duplicate',
  'drafts-revisions',
  'drafts-revision-get',
  'drafts-restore-revision',
  'drafts-export',
  'drafts-import',
  'drafts-add-asset',
]);

export const calendarMethodNames = namesOf<typeof calendarMethods>()([
  'events-list',
  'events-get',
  'events-create',
  'events-update',
  'events-delete',
  'events-restore',
  'events-extract',
  'events-import',
  'events-export',
]);

export const blogsMethodNames = namesOf<typeof blogsMethods>()([
  'blogs-discover',
  'blogs-account-blogs',
  'blogs-add',
  'blogs-list',
  'blogs-update',
  'blogs-test',
  'blogs-remove',
  'blogs-categories',
]);

export const publishMethodNames = namesOf<typeof publishMethods>()([
  'publish',
  'outbox-list',
  'outbox-retry',
  'outbox-cancel',
  'posts-recent',
  'posts-pull',
  'posts-delete',
]);

export const inboxMethodNames = namesOf<typeof inboxMethods>()([
  'inbox-add',
  'inbox-list',
  'inbox-page',
  'inbox-tags',
  'inbox-update',
  'inbox-archive',
  'inbox-delete',
  'inbox-restore',
  'inbox-refetch',
  'inbox-import',
  'inbox-export',
  'inbox-bookmark-draft',
  'digest-preview',
  'digest-create',
  'digest-last',
]);

export const micropubMethodNames = namesOf<typeof micropubMethods>()([
  'micropub-sign-in-start',
  'micropub-sign-in-finish',
  'micropub-sign-in-cancel',
  'micropub-set-token',
  'micropub-sign-out',
  'micropub-config',
  'micropub-syndicate-to',
  'micropub-categories',
  'micropub-source',
  'micropub-update',
  'micropub-publish-check',
  'micropub-delete',
  'micropub-undelete',
  'media-upload',
]);

export const cadenceMethodNames = namesOf<typeof cadenceMethods>()([
  'cadence-state',
  'cadence-set',
  'cadence-run',
  'cadence-draft',
  'cadence-dismiss',
]);

export const desktopMethodNames = namesOf<typeof desktopMethods>()([
  'ui-state-get',
  'ui-state-update',
  'preview-stylesheet',
  'preview-html',
]);

export const archiveMethodNames = namesOf<typeof archiveMethods>()([
  'archive-pull',
  'archive-search',
  'archive-get',
  'archive-edit',
]);

export const postTemplatesMethodNames = namesOf<typeof postTemplatesMethods>()([
  'post-templates-list',
  'post-templates-save',
  'post-templates-delete',
  'post-templates-new-draft',
]);
