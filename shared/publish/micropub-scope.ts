/**
 * What a Micropub sign-in may do, from the scope the sign-in server granted. A server may grant
 * less than Postwright asks for (only `create`, say); the author is told, and told what to do,
 * rather than finding out from a refused update. Shared so the app and the CLI say the same thing.
 */
export const MICROPUB_SCOPES = ['create', 'update', 'delete', 'undelete', 'media'] as const;
export type MicropubScope = (typeof MICROPUB_SCOPES)[number];

/** Actions that edit a post already on the blog: the ones a create-only sign-in cannot be trusted with. */
export type PostEdit = 'update' | 'delete' | 'undelete';

const POST_VERBS = ['create', 'update', 'delete', 'undelete'] as const;
const NOUN: Record<MicropubScope, string> = {
  create: 'new posts',
  update: 'updates',
  delete: 'deletes',
  undelete: 'undeletes',
  media: 'media uploads',
};

/** The scopes granted; null when unknown (a pasted token, or a server that named none Postwright knows). */
export function grantedScopes(scope: string | null | undefined): Set<MicropubScope> | null {
  const words = (scope ?? '').split(/[\s,]+/);
  const known = MICROPUB_SCOPES.filter((name) => words.includes(name));
  return known.length ? new Set(known) : null;
}

function join(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** "create posts and upload media": what the granted scopes allow, as a verb phrase. */
function allowed(granted: Set<MicropubScope>): string {
  const verbs = POST_VERBS.filter((name) => granted.has(name));
  const parts = [
    ...(verbs.length ? [`${join([...verbs])} posts`] : []),
    ...(granted.has('media') ? ['upload media'] : []),
  ];
  return join(parts);
}

function missing(granted: Set<MicropubScope>): MicropubScope[] {
  return MICROPUB_SCOPES.filter((name) => !granted.has(name));
}

/**
 * What the sign-in allows, in one sentence: "This sign-in can only create posts; sign in again to
 * allow updates, deletes, undeletes and media uploads." Null when the scope is unknown.
 */
export function grantSentence(scope: string | null | undefined): string | null {
  const granted = grantedScopes(scope);
  if (!granted) return null;
  const lacking = missing(granted);
  if (!lacking.length) {
    return 'This sign-in allows creating, updating, deleting and undeleting posts and uploading media.';
  }
  return `This sign-in can only ${allowed(granted)}; sign in again to allow ${join(lacking.map((name) => NOUN[name]))}.`;
}

/** A short form for a list of blogs: "may create posts only", "may do everything Postwright asks". */
export function grantSummary(scope: string | null | undefined): string | null {
  const granted = grantedScopes(scope);
  if (!granted) return null;
  return missing(granted).length ? `may ${allowed(granted)} only` : 'may do everything Postwright asks';
}

/**
 * Before an edit the sign-in was not granted: "This sign-in can only create posts; the blog may
 * refuse this update." Null when the scope covers it or is unknown. Servers differ (the public test
 * suite grants `create` and accepts updates anyway), so this explains rather than forbids.
 */
export function editWarning(scope: string | null | undefined, edit: PostEdit): string | null {
  const granted = grantedScopes(scope);
  if (!granted || granted.has(edit)) return null;
  return `This sign-in can only ${allowed(granted)}; the blog may refuse this ${edit}. Sign in again to allow ${NOUN[edit]}`;
}
