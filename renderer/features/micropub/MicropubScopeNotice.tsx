import { useState } from 'react';
import type { Blog } from '../../../shared/model/blog';
import { editWarning } from '../../../shared/publish/micropub-scope';
import { MicropubSignInAgain } from './MicropubSignInAgain';
import './micropub.css';

/**
 * Beside "Update post": the blog's sign-in was not granted updates (or deletes), so the blog may
 * refuse them. A small mark in the crowded footer says so before the click; it opens the sentence
 * and the way out. The buttons stay: some servers take edits whatever they granted.
 */
export function MicropubScopeNotice({ blog, linked }: { blog: Blog; linked: boolean }) {
  const [open, setOpen] = useState(false);
  const scope = blog.micropub?.scope;
  const warning = linked ? (editWarning(scope, 'update') ?? editWarning(scope, 'delete')) : null;
  if (!warning) return null;
  return (
    <>
      <button
        type="button"
        className="button micropub-scope__toggle"
        aria-expanded={open}
        title={`${warning}.`}
        onClick={() => setOpen((now) => !now)}
      >
        ⚠ Limited sign-in
      </button>
      {open && (
        <span className="publish__popover" role="note">
          <span>{warning}.</span>
          <MicropubSignInAgain blog={blog} />
        </span>
      )}
    </>
  );
}
