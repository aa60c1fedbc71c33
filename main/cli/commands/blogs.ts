import type { Command } from 'commander';
import type { Blog, DiscoveryReport } from '../../../shared/model/blog';
import { grantSentence, grantSummary } from '../../../shared/publish/micropub-scope';
import type { CliContext } from '../cli-context';
import { CliError } from '../cli-error';
import { readStdin } from '../read-stdin';
import { addMicropubBlogFromCli } from './micropub';
import { registerBlogsPull } from './blogs-pull';

interface AddOptions {
  protocol?: 'micropub' | 'metaweblog';
  tokenStdin?: boolean;
  browser?: boolean;
  user?: string;
  passwordStdin?: boolean;
  blogId?: string;
  name?: string;
}

function describeProbes(report: DiscoveryReport): string {
  const mark = { found: '✓', absent: '·', error: '✗' } as const;
  return report.probes
    .map(
      (probe) =>
        `  ${mark[probe.outcome]} ${probe.step} (${probe.target})${probe.status ? ` HTTP ${probe.status}` : ''}: ${probe.detail}`,
    )
    .join('\n');
}

function describeBlog(blog: Blog): string {
  const grant = blog.protocol === 'micropub' ? grantSummary(blog.micropub?.scope) : null;
  return `${blog.id}  ${blog.name}  ${blog.protocol}  ${blog.endpoint}${blog.remoteBlogId ? `  blog ${blog.remoteBlogId}` : ''}${blog.username ? `  as ${blog.username}` : ''}${blog.micropub?.me ? `  as ${blog.micropub.me}` : ''}${grant ? `  (${grant})` : ''}`;
}

/** MetaWeblog: sign in, list the account's blogs, take the one at this address (or --blog-id). */
async function addMetaweblogBlog(
  ctx: CliContext,
  report: DiscoveryReport,
  options: AddOptions,
): Promise<Blog> {
  const endpoint = report.metaweblog!.endpoint;
  if (!options.user)
    throw new CliError(
      'Give the user name with --user NAME (and the password on stdin with --password-stdin).',
      2,
    );
  if (!options.passwordStdin)
    throw new CliError(
      'Pass the password on stdin with --password-stdin, so it stays out of your shell history.',
      2,
    );
  const password = (await readStdin()).replace(/\r?\n$/, '');
  if (!password) throw new CliError('No password arrived on stdin.', 2);
  const blogs = await ctx.call('blogs-account-blogs', { endpoint, username: options.user, password });
  const wanted = options.blogId ?? report.metaweblog!.remoteBlogId;
  const home = report.homeUrl.replace(/\/+$/, '');
  const chosen =
    blogs.find((blog) => blog.remoteBlogId === wanted) ??
    blogs.find((blog) => blog.url.replace(/\/+$/, '') === home) ??
    (blogs.length === 1 ? blogs[0] : undefined);
  if (!chosen) {
    throw new CliError(
      `The account has ${blogs.length} blogs; pick one with --blog-id: ${blogs.map((blog) => `${blog.remoteBlogId} (${blog.name})`).join(', ') || 'none'}.`,
    );
  }
  return ctx.call('blogs-add', {
    protocol: 'metaweblog',
    homeUrl: report.homeUrl,
    endpoint,
    remoteBlogId: chosen.remoteBlogId,
    name: options.name ?? (chosen.name || report.title || undefined),
    username: options.user,
    password,
  });
}

export function registerBlogs(program: Command, context: () => CliContext) {
  const blogs = program.command('blogs').description('the blogs you publish to');
  registerBlogsPull(blogs, context);

  blogs
    .command('add <url>')
    .description('add a blog from its home page address (discovery finds its publishing API)')
    .option('--user <name>', 'your user name on the blog (MetaWeblog)')
    .option('--password-stdin', 'read the password (or WordPress application password) from stdin')
    .option('--blog-id <id>', "which of the account's blogs, when it has several")
    .option('--name <name>', 'what to call the blog in Postwright')
    .option('--protocol <name>', 'micropub or metaweblog, when the blog offers both')
    .option('--token-stdin', 'Micropub: read a token made on the site from stdin instead of signing in')
    .option('--no-browser', 'Micropub: print the sign-in page address instead of opening a browser')
    .action(async (url: string, options: AddOptions) => {
      const ctx = context();
      const report = await ctx.call('blogs-discover', { url });
      // Every probe is a diagnostic: a Micropub site's missing XML-RPC is no failure of adding it.
      if (ctx.options.verbose)
        process.stderr.write(`Discovery of ${report.url}:\n${describeProbes(report)}\n`);
      // Each protocol's way of adding a blog; MetaWeblog when the blog offers it and a user name is given.
      const micropub =
        report.micropub?.endpoint &&
        (options.protocol === 'micropub' ||
          (options.protocol !== 'metaweblog' && (!report.metaweblog || !options.user)));
      if (micropub) {
        const added = await addMicropubBlogFromCli(ctx, report, options);
        ctx.print({ blog: added, discovery: report }, () =>
          [
            `Added ${added.name} as "${added.id}" (micropub, ${added.endpoint})${added.micropub?.me ? `, signed in as ${added.micropub.me}` : ''}.`,
            ...[grantSentence(added.micropub?.scope) ?? []].flat(),
          ].join('\n'),
        );
        return;
      }
      if (!report.metaweblog) {
        throw new CliError(
          `No publishing API was found at ${report.url}: ${
            report.probes
              .filter((probe) => probe.outcome === 'error')
              .map((probe) => probe.detail)
              .join(' ') || 'the page has no EditURI or Micropub link.'
          }`,
        );
      }
      const blog = await addMetaweblogBlog(ctx, report, options);
      ctx.print(
        { blog, discovery: report },
        () => `Added ${blog.name} as "${blog.id}" (${blog.protocol}, ${blog.endpoint}).`,
      );
    });

  blogs
    .command('list')
    .description('list your blogs')
    .action(async () => {
      const ctx = context();
      const all = await ctx.call('blogs-list', {});
      // Where the passwords are, and whether that is the weaker store: the author should know.
      const { secretStore } = await ctx.call('app-info', {});
      ctx.print(all, () =>
        [
          all.length
            ? all.map(describeBlog).join('\n')
            : 'No blogs yet. Add one with "postwright blogs add URL --user NAME --password-stdin".',
          '',
          `Passwords: ${secretStore.description}`,
        ].join('\n'),
      );
    });

  blogs
    .command('test <id>')
    .description('sign in with the saved password and say whether publishing would work')
    .action(async (id: string) => {
      const ctx = context();
      const result = await ctx.call('blogs-test', { id });
      ctx.print(result, () => result.message);
      if (!result.ok) throw new CliError(result.message);
    });

  blogs
    .command('remove <id>')
    .description('forget a blog and its saved password (posts on the blog stay)')
    .action(async (id: string) => {
      const ctx = context();
      const removed = await ctx.call('blogs-remove', { id });
      ctx.print({ removed }, () => `Removed ${id}.`);
    });
}
