import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import type { OutboxJob } from '../../../shared/model/publish';
import { runCliAsync, startCli, type CliResult } from '../cli';
import { useTempDir } from '../temp-dir';
import { answerAuthorizationPage } from './authorize-as-author';
import { PNG } from './png';
import { startMicropubSite, type MicropubQuirks, type MicropubSite } from './micropub-site';

/**
 * One author per test, with a fresh data folder, whose site is closed after the test: `begin`
 * starts the site and adds the blog with a pasted token; `adopt` takes an author made otherwise.
 */
export function useMicropubAuthor(prefix: string) {
  const tempDir = useTempDir(prefix);
  let author: MicropubAuthor | undefined;
  afterEach(async () => {
    await author?.close();
    author = undefined;
  });
  return {
    tempDir,
    begin: async (quirks: Partial<MicropubQuirks> = {}) =>
      (author = await MicropubAuthor.start(tempDir(), quirks)),
    adopt: (adopted: MicropubAuthor) => (author = adopted),
  };
}

/** The author at the command line, with a data folder and a Micropub site that records what it gets. */
export class MicropubAuthor {
  private constructor(
    readonly site: MicropubSite,
    readonly dataDir: string,
  ) {}

  /** The site is started and added with a token pasted on stdin (IndieAuth has its own tests). */
  static async start(dataDir: string, quirks: Partial<MicropubQuirks> = {}): Promise<MicropubAuthor> {
    const site = await startMicropubSite(quirks);
    const author = new MicropubAuthor(site, dataDir);
    const added = await author.cli(
      ['blogs', 'add', site.url, '--token-stdin', '--json'],
      site.auth.issueToken(),
    );
    expect(added.stderr, added.stderr).not.toMatch(/^postwright:/m);
    expect(added.status).toBe(0);
    return author;
  }

  /**
   * The site is added by signing in on its authorization page (`blogs add URL --no-browser`, the
   * author approving there), so the blog learns the scope the sign-in server granted.
   */
  static async signingIn(
    dataDir: string,
    quirks: Partial<MicropubQuirks> = {},
    grantedScope: string | null = null,
  ): Promise<{ author: MicropubAuthor; added: CliResult }> {
    const site = await startMicropubSite(quirks);
    site.auth.grantedScope = grantedScope;
    const author = new MicropubAuthor(site, dataDir);
    const added = await author.approving(['blogs', 'add', site.url, '--no-browser']);
    return { author, added };
  }

  /** Runs a command that prints an authorization page, and approves on that page as the author. */
  async approving(args: string[]): Promise<CliResult> {
    const command = startCli(args, { dataDir: this.dataDir });
    const [, authorizationUrl] = await command.waitFor(/(http:\/\/127\.0\.0\.1:\d+\/auth\?\S+)/);
    await answerAuthorizationPage(authorizationUrl!, 'approve');
    return command.result;
  }

  cli(args: string[], input?: string): Promise<CliResult> {
    return runCliAsync(args, { dataDir: this.dataDir, ...(input !== undefined ? { input } : {}) });
  }

  /** Runs a command that must succeed and returns its JSON. */
  async ok<T>(args: string[]): Promise<T> {
    const result = await this.cli([...args, '--json']);
    if (result.status !== 0)
      throw new Error(`postwright ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
    return result.json<T>();
  }

  /** `drafts new` from an HTML body written beside any images it shows. */
  async draft(options: {
    title?: string;
    html: string;
    images?: string[];
    /** The bytes of every image named in `images`: a small PNG unless given. */
    imageBytes?: Uint8Array;
    args?: string[];
  }): Promise<string> {
    const folder = join(this.dataDir, '..', `${this.dataDir.split('/').pop()}-files`);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(folder, { recursive: true });
    for (const image of options.images ?? []) writeFileSync(join(folder, image), options.imageBytes ?? PNG);
    const file = join(folder, `body-${Date.now()}-${Math.random().toString(36).slice(2)}.html`);
    writeFileSync(file, options.html);
    const draft = await this.ok<{ id: string }>([
      'drafts',
      'new',
      '--title',
      options.title ?? '',
      '--html',
      file,
      ...(options.args ?? []),
    ]);
    return draft.id;
  }

  async publish(draftId: string, args: string[]): Promise<OutboxJob> {
    return this.ok<OutboxJob>(['publish', draftId, ...args]);
  }

  close(): Promise<void> {
    return this.site.close();
  }
}
