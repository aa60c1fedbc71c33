import type { Blog } from '../../../shared/model/blog';
import { grantSentence } from '../../../shared/publish/micropub-scope';

/** In a blog's details: what its Micropub sign-in may do, as the sign-in server granted it. */
export function MicropubGrant({ blog }: { blog: Blog }) {
  const sentence =
    grantSentence(blog.micropub?.scope) ??
    'The blog did not say what this sign-in may do; it will say if it refuses something.';
  return <div className="muted micropub-grant">{sentence}</div>;
}
