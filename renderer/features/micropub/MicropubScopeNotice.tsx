import type { Blog } from '../../../shared/model/blog';
import { editWarning } from '../../../shared/publish/micropub-scope';
import { MicropubSignInAgain } from './MicropubSignInAgain';
import './micropub.css';

/**
 * Beside "Update post": the blog's sign-in was not granted updates (or deletes), so the blog may
 * refuse them. Said before the click, with the way out; the buttons stay, since some servers take
 * edits whatever they granted.
 */
export function MicropubScopeNotice({ blog, linked }: { blog: Blog; linked: boolean }) {
  const scope = blog.micropub?.scope;
  const warning = linked ? (editWarning(scope, 'update') ?? editWarning(scope, 'delete')) : null;
  if (!warning) return null;
  return (
    <span className="micropub-scope" role="note">
      <span>{warning}.</span>
      <MicropubSignInAgain blog={blog} />
    </span>
  );
}
