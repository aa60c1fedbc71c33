import { Help, type Command } from 'commander';
import type { CliContext } from './cli-context';

type Register = (program: Command, context: () => CliContext) => void;

interface CommandModule {
  /** The top-level commands the module registers, as root help lists them. */
  commands: { term: string; description: string }[];
  load: () => Promise<Register>;
}

/**
 * The top-level commands in the order help lists them, and the module that registers each. Root
 * help is drawn from this table, so `postwright --help` loads none of the modules (they and what
 * they import took a third of its start) and a command loads only its own.
 * tests/unit/cli-help.test.ts checks the table against what the modules register.
 */
export const COMMAND_MODULES: CommandModule[] = [
  {
    commands: [{ term: 'version', description: 'print the version of Postwright' }],
    load: async () => (await import('./commands/version')).registerVersion,
  },
  {
    commands: [
      { term: 'serve [options]', description: 'run Postwright in your browser, served on 127.0.0.1 only' },
    ],
    load: async () => (await import('./commands/serve')).registerServe,
  },
  {
    commands: [
      { term: 'events', description: 'the event calendar: list, add, find in drafts, .ics in and out' },
    ],
    load: async () => (await import('./commands/events')).registerEvents,
  },
  {
    commands: [{ term: 'drafts', description: 'write, list, search and export drafts' }],
    load: async () => (await import('./commands/drafts')).registerDrafts,
  },
  {
    commands: [{ term: 'blogs', description: 'the blogs you publish to' }],
    load: async () => (await import('./commands/blogs')).registerBlogs,
  },
  {
    commands: [
      {
        term: 'publish [options] <draftId>',
        description: 'publish a draft to its blog (publishing it again updates the post)',
      },
    ],
    load: async () => (await import('./commands/publish')).registerPublish,
  },
  {
    commands: [{ term: 'posts', description: 'posts already on your blog' }],
    load: async () => (await import('./commands/posts')).registerPosts,
  },
  {
    commands: [{ term: 'outbox', description: 'publishes waiting to go out, and how they went' }],
    load: async () => (await import('./commands/outbox')).registerOutbox,
  },
  {
    commands: [{ term: 'inbox', description: 'the bookmark inbox: links for link digests' }],
    load: async () => (await import('./commands/inbox')).registerInbox,
  },
  {
    commands: [{ term: 'digest', description: 'link digests made from the inbox' }],
    load: async () => (await import('./commands/digest')).registerDigest,
  },
  {
    commands: [
      { term: 'micropub', description: "a Micropub blog's configuration and sign-in" },
      { term: 'media', description: "files on the blog's media endpoint" },
    ],
    load: async () => (await import('./commands/micropub')).registerMicropub,
  },
  {
    commands: [
      { term: 'settings', description: 'your preferences (the app’s Settings)' },
      { term: 'templates', description: 'link-digest templates' },
    ],
    load: async () => (await import('./commands/settings')).registerSettings,
  },
];

const nameOf = (term: string) => term.split(' ')[0]!;

/**
 * The command the arguments name (`help <command>` names one too), skipping the global options and
 * the value of --data-dir; null when they name none (root help, --version, no arguments).
 */
export function commandNamed(args: string[]): string | null {
  const words: string[] = [];
  for (let at = 0; at < args.length && words.length < 2; at += 1) {
    if (args[at] === '--data-dir') at += 1;
    else if (!args[at]!.startsWith('-')) words.push(args[at]!);
  }
  return words[0] === 'help' ? (words[1] ?? null) : (words[0] ?? null);
}

/** Every command, each module loaded: what a name outside the table meets (commander's error and suggestion). */
export async function registerAll(program: Command, context: () => CliContext): Promise<void> {
  for (const register of await Promise.all(COMMAND_MODULES.map((module) => module.load())))
    register(program, context);
}

/**
 * Registers the module of the command the arguments name, and the other commands as names and
 * descriptions only (enough for help and for commander to tell a command from a typo).
 */
export async function registerCommands(
  program: Command,
  context: () => CliContext,
  args: string[],
): Promise<void> {
  const named = commandNamed(args);
  const wanted = COMMAND_MODULES.find((module) =>
    module.commands.some((command) => nameOf(command.term) === named),
  );
  if (named !== null && !wanted) return registerAll(program, context);
  const terms = new Map<Command, string>();
  for (const module of COMMAND_MODULES) {
    if (module === wanted) (await module.load())(program, context);
    else
      for (const { term, description } of module.commands)
        terms.set(program.command(nameOf(term)).description(description), term);
  }
  const help = new Help();
  program.configureHelp({ subcommandTerm: (command) => terms.get(command) ?? help.subcommandTerm(command) });
}
