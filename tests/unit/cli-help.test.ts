import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND_MODULES, commandNamed } from '../../main/cli/command-modules';
import { buildProgram } from '../../main/cli/program';

const argv = (...args: string[]) => ['node', 'postwright', ...args];

/** The program with every module registered (a name outside the table loads them all). */
const fullProgram = async () => (await buildProgram('dist', argv('no-such-command'))).program;

describe('the CLI loads only the command it runs', () => {
  it('prints the same root help from its table as from the modules themselves', async () => {
    const all = await fullProgram();
    const full = all.helpInformation();
    expect(full).toContain('publish [options] <draftId>');
    expect((await buildProgram('dist', argv('--help'))).program.helpInformation()).toBe(full);
    // With any one module loaded, the others drawn from the table; its commands whole, to run and to show.
    for (const module of COMMAND_MODULES) {
      const names = module.commands.map(({ term }) => term.split(' ')[0]!);
      const { program } = await buildProgram('dist', argv(names[0]!, '--help'));
      expect({ names, help: program.helpInformation() }).toEqual({ names, help: full });
      const helpOf = (root: typeof program, name: string) =>
        root.commands.find((command) => command.name() === name)!.helpInformation();
      for (const name of names) expect(helpOf(program, name)).toBe(helpOf(all, name));
    }
  });

  it('finds the command past the global options and after help', () => {
    expect(commandNamed(['--data-dir', 'drafts', '--json', 'blogs', 'list'])).toBe('blogs');
    expect(commandNamed(['--data-dir=/d', 'drafts', 'list'])).toBe('drafts');
    expect(commandNamed(['help', 'inbox'])).toBe('inbox');
    expect(commandNamed(['help'])).toBeNull();
    expect(commandNamed(['--help'])).toBeNull();
    expect(commandNamed(['-v'])).toBeNull();
    expect(commandNamed([])).toBeNull();
  });

  it('builds `postwright --help` from commander and the table alone, none of the commands or the core', () => {
    const meta = JSON.parse(readFileSync('dist/cli/meta.json', 'utf8')) as {
      outputs: Record<string, { imports: { path: string; kind: string }[]; inputs: Record<string, unknown> }>;
    };
    const loaded = new Set<string>();
    const visit = (output: string, followDynamic: boolean) => {
      for (const input of Object.keys(meta.outputs[output]!.inputs)) loaded.add(input);
      for (const { path, kind } of meta.outputs[output]!.imports)
        if (path.startsWith('dist/') && (kind !== 'dynamic-import' || followDynamic)) visit(path, false);
    };
    // The entry, and the program it loads for anything but `drafts list`.
    visit('dist/cli/postwright.mjs', false);
    const program = Object.keys(meta.outputs).find(
      (output) => meta.outputs[output]!.inputs['main/cli/program.ts'],
    )!;
    visit(program, false);
    const files = [...loaded];
    expect(files).toContain('main/cli/command-modules.ts');
    expect(
      files.filter(
        (file) =>
          /^main\/(cli\/commands|core|host)\//.test(file) &&
          !file.endsWith('data-dir-path.ts') &&
          !file.endsWith('logger.ts'),
      ),
    ).toEqual([]);
    expect(files.filter((file) => file.startsWith('node_modules/') && !file.includes('/commander/'))).toEqual(
      [],
    );
  });
});
