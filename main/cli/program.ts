import { Command, CommanderError } from 'commander';
import { CoreFailure } from '../../shared/contract/errors';
import { APP_VERSION } from '../../shared/version';
import { CliContext, type GlobalOptions } from './cli-context';
import { CliError } from './cli-error';
import { registerDrafts } from './commands/drafts';
import { registerEvents } from './commands/events';
import { registerServe } from './commands/serve';
import { registerVersion } from './commands/version';
import { registerBlogs } from './commands/blogs';
import { registerPublish } from './commands/publish';
import { registerPosts } from './commands/posts';
import { registerOutbox } from './commands/outbox';
import { registerInbox } from './commands/inbox';
import { registerDigest } from './commands/digest';
import { registerMicropub } from './commands/micropub';
import { registerSettings } from './commands/settings';

/** Builds the `postwright` command; each domain registers its own subcommands. */
export function buildProgram(distDir: string): { program: Command; context: () => CliContext } {
  const program = new Command('postwright');
  let context: CliContext | undefined;
  const getContext = () => (context ??= new CliContext(program.opts<GlobalOptions>(), distDir));
  program
    .description('Postwright: write blog posts offline and publish them over Micropub or MetaWeblog.')
    .version(APP_VERSION, '-v, --version', 'print the version')
    .option('--json', 'print machine-readable JSON')
    .option('--verbose', 'also print diagnostics (discovery steps, retries) on stderr')
    .option('--data-dir <dir>', 'the data folder (default: $POSTWRIGHT_DATA_DIR, else the app data folder)')
    .showHelpAfterError('(run "postwright --help" to see the commands)')
    .exitOverride();
  registerVersion(program, getContext);
  registerServe(program, getContext);
  registerEvents(program, getContext);
  registerDrafts(program, getContext);
  registerBlogs(program, getContext);
  registerPublish(program, getContext);
  registerPosts(program, getContext);
  registerOutbox(program, getContext);
  registerInbox(program, getContext);
  registerDigest(program, getContext);
  registerMicropub(program, getContext);
  registerSettings(program, getContext);
  return { program, context: getContext };
}

/** Runs the CLI and returns its exit code: 0 success, 1 an error the author can act on, 2 bad usage. */
export async function runCli(argv: string[], where: { distDir: string }): Promise<number> {
  const { program, context } = buildProgram(where.distDir);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed help or its usage message.
      return error.exitCode === 0 ||
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version'
        ? 0
        : 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    const json = program.opts<GlobalOptions>().json;
    const code = error instanceof CoreFailure ? error.code : error instanceof CliError ? 'error' : 'internal';
    process.stderr.write(
      json ? `${JSON.stringify({ error: { code, message } })}\n` : `postwright: ${message}\n`,
    );
    return error instanceof CliError ? error.exitCode : 1;
  } finally {
    await context()
      .close()
      .catch(() => undefined);
  }
}
