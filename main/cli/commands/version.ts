import type { Command } from 'commander';
import { APP_VERSION } from '../../../shared/version';
import type { CliContext } from '../cli-context';

export function registerVersion(program: Command, context: () => CliContext) {
  program
    .command('version')
    .description('print the version of Postwright')
    .action(() => {
      context().print(
        { name: 'postwright', version: APP_VERSION, node: process.version },
        () => `postwright ${APP_VERSION}`,
      );
    });
}
