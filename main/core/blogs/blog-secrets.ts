import { CoreFailure } from '../../../shared/contract/errors';
import type { Blog } from '../../../shared/model/blog';
import type { SecretStore } from '../secrets/secret-store';

/** Secret store keys of a blog; nothing secret is ever kept in blogs.json. */
export const passwordKey = (blogId: string) => `blog:${blogId}:password`;

export async function passwordFor(secrets: SecretStore, blog: Pick<Blog, 'id' | 'name'>): Promise<string> {
  const password = await secrets.get(passwordKey(blog.id));
  if (!password) {
    throw new CoreFailure(
      'auth-failed',
      `No password is saved for ${blog.name}. Enter it under Blogs → Edit.`,
    );
  }
  return password;
}
