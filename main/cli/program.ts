import { Command, CommanderError } from 'commander';
import { CoreFailure } from '../../shared/contract/errors';
import { APP_VERSION } from '../../shared/version';
import { CliContext, type GlobalOptions } from './cli-context';
import { CliError } from './cli-error';
import { registerCommands } from './command-modules';

/** Builds the `postwright` command for `argv`; each domain registers its own subcommands. */
export async function buildProgram(
  distDir: string,
  argv: string[],
): Promise<{ program: Command; context: () => CliContext }> {
  const program = new Command('postwright');
  let context: CliContext | undefined;
  const getContext = () => (context ??= new CliContext(program.opts<GlobalOptions>(), distDir));
  program
    .description('Postwright: write blog posts offline and publish them over Micropub or MetaWeblog.')
    .version(APP_VERSION, '-v, --version', 'print the version')
    .option('--json', 'print machine-readable JSON')
    .option('--verbose', 'also print diagnostics (discovery steps, retries) on stderr')
    .option('--data-dir <dir>', 'the data folder (default: $POSTWRIGHT_DATA_DIR, else the app data folder)')
    .option('--debug', 'print debugging detail, and the stack of an unexpected error')
    .showHelpAfterError('(run "postwright --help" to see the commands)')
    .exitOverride();
  await registerCommands(program, getContext, argv.slice(2));
  return { program, context: getContext };
}

/**
 * Runs the CLI and returns its exit code: 0 success, 1 an error the author can act on, 2 bad input
 * (usage, arguments, files). Every error is one sentence on stderr; a stack only with --debug.
 */
export async function runCli(argv: string[], where: { distDir: string }): Promise<number> {
  const { program, context } = await buildProgram(where.distDir, argv);
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
    const options = program.opts<GlobalOptions>();
    const known = error instanceof CoreFailure || error instanceof CliError;
    const text = error instanceof Error ? error.message : String(error);
    const message = known
      ? text
      : `Postwright hit an unexpected problem (${text.slice(0, 200)}). Run the command again with --debug for the details.`;
    const code = error instanceof CoreFailure ? error.code : error instanceof CliError ? 'error' : 'internal';
    process.stderr.write(
      options.json ? `${JSON.stringify({ error: { code, message } })}\n` : `postwright: ${message}\n`,
    );
    if (options.debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    if (error instanceof CliError) return error.exitCode;
    return error instanceof CoreFailure && error.code === 'invalid-args' ? 2 : 1;
  } finally {
    await context()
      .close()
      .catch(() => undefined);
  }
}
