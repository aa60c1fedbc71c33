import { CliContext, type GlobalOptions } from './cli-context';

/**
 * The options of `drafts list` when the arguments are exactly that command with --json and
 * --data-dir (in any place, as commander takes them), else null. Anything else is commander's.
 */
export function quickDraftsListOptions(args: string[]): GlobalOptions | null {
  const options: GlobalOptions = {};
  const words: string[] = [];
  for (let at = 0; at < args.length; at += 1) {
    const arg = args[at]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--data-dir') {
      const value = args[(at += 1)];
      if (value === undefined || value.startsWith('-')) return null;
      options.dataDir = value;
    } else if (arg.startsWith('--data-dir=')) options.dataDir = arg.slice('--data-dir='.length);
    else if (arg.startsWith('-')) return null;
    else words.push(arg);
  }
  return words.length === 2 && words[0] === 'drafts' && words[1] === 'list' ? options : null;
}

/**
 * `postwright drafts list [--json] [--data-dir D]`, the command scripts run most, answered from the
 * drafts index before commander and the core are loaded. False when it is not that command, or
 * the index cannot answer it as it stands: the full CLI then runs.
 */
export async function quickDraftsList(args: string[], distDir: string): Promise<boolean> {
  const options = quickDraftsListOptions(args);
  if (!options) return false;
  const ctx = new CliContext(options, distDir);
  const [{ draftsFromIndex }, { draftListText }] = await Promise.all([
    import('./drafts-from-index'),
    import('./draft-rows'),
  ]);
  const list = draftsFromIndex(ctx.dataDir, false);
  if (!list) return false;
  ctx.print(list, () => draftListText(list, false));
  return true;
}
