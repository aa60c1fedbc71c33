import type { Command } from 'commander';
import type { CliContext } from '../cli-context';
import { registerMicropubPosts } from './micropub';

export function registerPosts(program: Command, context: () => CliContext) {
  const posts = program.command('posts').description('posts already on your blog');

  posts
    .command('recent')
    .description('list the latest posts on the blog')
    .option('--blog <id>', 'the blog (default: your only one)')
    .option('--limit <n>', 'how many (1-100, default 20)', (value) => Number(value))
    .action(async (options: { blog?: string; limit?: number }) => {
      const ctx = context();
      const list = await ctx.call('posts-recent', {
        ...(options.blog ? { blogId: options.blog } : {}),
        ...(options.limit ? { limit: options.limit } : {}),
      });
      ctx.print(list, () =>
        list.length
          ? list
              .map(
                (post) =>
                  `${post.postId}  ${post.date?.slice(0, 10) ?? '          '}  ${post.status ?? ''}  ${post.title}  ${post.url ?? ''}`,
              )
              .join('\n')
          : 'The blog has no posts yet.',
      );
    });

  posts
    .command('pull <postId>')
    .description('make a local draft of a post on the blog; publishing it updates the post')
    .option('--blog <id>', 'the blog (default: your only one)')
    .action(async (postId: string, options: { blog?: string }) => {
      const ctx = context();
      const draft = await ctx.call('posts-pull', {
        postId,
        ...(options.blog ? { blogId: options.blog } : {}),
      });
      ctx.print(draft, () => `Pulled "${draft.title}" into draft ${draft.id}.`);
    });

  registerMicropubPosts(posts, context);
}
