import type { Handlers } from '../../../shared/contract';
import { CoreFailure } from '../../../shared/contract/errors';
import type { PostTemplate } from '../../../shared/model/post-template';
import { dateTokenProblem, expandDateTokens, localDay } from '../../../shared/templates/date-tokens';
import type { DomainDeps } from '../core-deps';
import { escapeText, sanitizeHtml } from '../drafts/html-sanitize';
import { newTemplateId, PostTemplateStore } from './post-template-store';

type PostTemplatesHandlers = Pick<
  Handlers,
  'post-templates-list' | 'post-templates-save' | 'post-templates-delete' | 'post-templates-new-draft'
>;

export interface PostTemplatesDomain {
  handlers: PostTemplatesHandlers;
  /** Another process changed the templates: the views show the list as it now is. */
  changedElsewhere(): Promise<void>;
}

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
const unique = (names: string[]) => [...new Set(names.map((name) => name.trim()))];

/** "A, B and C" */
function listed(names: string[]): string {
  const quoted = names.map((name) => `"${name}"`);
  return quoted.length < 2 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

function notFound(name: string, templates: PostTemplate[]): CoreFailure {
  const known = templates.map((template) => template.name);
  return new CoreFailure(
    'not-found',
    known.length
      ? `There is no post template called "${name}": the templates are ${listed(known)}.`
      : `There is no post template called "${name}": there are no templates yet; add one in Settings.`,
    { known },
  );
}

/** The day a template's tokens count from: the given one, or today where the machine is. */
function baseDay(day: string | undefined, now: Date): Date {
  if (day === undefined) return new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const parsed = localDay(day);
  if (!parsed) throw new CoreFailure('invalid-args', `${day} is not a day: give it as YYYY-MM-DD.`);
  return parsed;
}

export function createPostTemplates(
  deps: Pick<DomainDeps, 'dataDir' | 'clock' | 'events' | 'problems' | 'drafts' | 'settings'>,
): PostTemplatesDomain {
  const store = new PostTemplateStore({
    dataDir: deps.dataDir,
    clock: deps.clock,
    onQuarantine: (file) =>
      deps.problems.setAside('Your post templates', file, 'the built-in examples took their place'),
  });
  const changed = (templates: PostTemplate[]) => {
    deps.events.emit('post-templates-changed', templates);
    return templates;
  };

  const handlers: PostTemplatesHandlers = {
    'post-templates-list': () => store.list(),
    'post-templates-save': async ({ id, template }) => {
      const problem = dateTokenProblem(template.title) ?? dateTokenProblem(template.html);
      if (problem) throw new CoreFailure('invalid-args', problem);
      const saved: PostTemplate = {
        id: id ?? newTemplateId(),
        name: template.name,
        title: template.title,
        html: sanitizeHtml(template.html),
        categories: unique(template.categories),
        tags: unique(template.tags),
      };
      const templates = await store.change((list) => {
        if (id !== undefined && !list.some((other) => other.id === id))
          throw new CoreFailure('not-found', 'That template is gone: another window deleted it.');
        if (list.some((other) => other.id !== saved.id && sameName(other.name, saved.name)))
          throw new CoreFailure(
            'conflict',
            `There is already a template called "${saved.name}". Choose another name.`,
          );
        return id === undefined ? [...list, saved] : list.map((other) => (other.id === id ? saved : other));
      });
      return changed(templates);
    },
    'post-templates-delete': async ({ id }) =>
      changed(await store.change((list) => list.filter((template) => template.id !== id))),
    'post-templates-new-draft': async ({ id, name, day, fields = {} }) => {
      const templates = await store.list();
      const template = templates.find((one) => (id ? one.id === id : sameName(one.name, name!)));
      if (!template) throw notFound(name ?? id!, templates);
      const base = baseDay(day, deps.clock.now());
      return deps.drafts.create({
        markdown: deps.settings.get().markdownDrafts || undefined,
        ...fields,
        // The contract fills an absent title with '' (its default): no title given.
        title: fields.title || expandDateTokens(template.title, base),
        html: fields.html ?? expandDateTokens(template.html, base, escapeText),
        categories: unique([...template.categories, ...(fields.categories ?? [])]),
        tags: unique([...template.tags, ...(fields.tags ?? [])]),
      });
    },
  };

  return {
    handlers,
    async changedElsewhere() {
      changed(await store.list());
    },
  };
}
