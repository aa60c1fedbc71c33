import type { Command } from 'commander';
import type { ArchivePullResult } from '../../../shared/model/archive';
import type { JobProgress } from '../../../shared/model/job';
import type { CliContext } from '../cli-context';

function summary(result: ArchivePullResult): string {
  const what = result.changed === 1 ? '1 post new or changed' : `${result.changed} posts new or changed`;
  const images = result.images
    ? ` Images: ${result.images.saved} downloaded, ${result.images.kept} already here${result.images.failed ? `, ${result.images.failed} not kept (pull again to try them again)` : ''}.`
    : '';
  return `${result.resumed ? 'Went on with the pull that had stopped: ' : ''}${what} of ${result.seen} listed; ${result.total} posts of ${result.blogId} in the archive.${images}`;
}

/** `blogs pull ID`: the whole blog into the offline archive, progress on stderr as it goes. */
export function registerBlogsPull(blogs: Command, context: () => CliContext) {
  blogs
    .command('pull <id>')
    .description(
      'pull every post of the blog into the offline archive (the next pull fetches only what changed; a stopped one goes on)',
    )
    .option('--images', 'also download the images the posts refer to into the archive')
    .action(async (id: string, options: { images?: boolean }) => {
      const ctx = context();
      const core = await ctx.openCore();
      const tty = process.stderr.isTTY;
      const stop = core.events.onAny((event, payload) => {
        if (event !== 'progress') return;
        const job = payload as JobProgress;
        if (!job.label.startsWith('Pulling ') || job.state !== 'running' || !job.message) return;
        process.stderr.write(
          tty ? `\r${job.label}: ${job.message}\u001b[K` : `${job.label}: ${job.message}\n`,
        );
      });
      try {
        const result = await ctx.call('archive-pull', { blogId: id, images: options.images === true });
        if (tty) process.stderr.write('\n');
        ctx.print(result, () => summary(result));
      } finally {
        stop();
      }
    });
}
