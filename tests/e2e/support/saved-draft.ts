import { runCli } from '../../support/cli';

/** The HTML of a draft as saved on disk, read by the CLI over the same data folder. */
export function savedHtml(dataDir: string, title: string): string {
  const list = runCli(['drafts', 'list', '--json'], { dataDir }).json<{ id: string; title: string }[]>();
  const entry = list.find((draft) => draft.title === title);
  if (!entry) throw new Error(`no draft titled ${title}`);
  return runCli(['drafts', 'show', entry.id, '--json'], { dataDir }).json<{ html: string }>().html;
}
