import { InvalidArgumentError, type Command } from 'commander';
import { SEED_DIGEST_TEMPLATE } from '../../../shared/model/digest-template';
import { THEMES, type Settings } from '../../../shared/model/settings';
import type { CliContext } from '../cli-context';
import { CliError } from '../cli-error';

const DATE_ORDERS = ['day-first', 'month-first'] as const;

function describe(settings: Settings): string {
  return [
    `theme:       ${settings.theme}`,
    `date order:  ${settings.dateOrder}`,
    `templates:   ${settings.digestTemplates.map((template) => template.name).join(', ')}`,
  ].join('\n');
}

function oneOf<T extends string>(choices: readonly T[]) {
  return (value: string): T => {
    if ((choices as readonly string[]).includes(value)) return value as T;
    throw new InvalidArgumentError(`choose one of ${choices.join(', ')}.`);
  };
}

/** Settings and digest templates: the same file the app's Settings screen changes. */
export function registerSettings(program: Command, context: () => CliContext) {
  const settings = program.command('settings').description('your preferences (the app’s Settings)');
  settings
    .command('show')
    .description('print the settings')
    .action(async () => {
      const ctx = context();
      const current = await ctx.call('settings-get', {});
      ctx.print(current, () => describe(current));
    });
  settings
    .command('theme <theme>')
    .description(`light, dark or system`)
    .action(async (theme: string) => {
      const ctx = context();
      const next = await ctx.call('settings-update', { patch: { theme: oneOf(THEMES)(theme) } });
      ctx.print(next, () => describe(next));
    });
  settings
    .command('date-order <order>')
    .description('how 3/2/2010 is read: day-first or month-first')
    .action(async (order: string) => {
      const ctx = context();
      const next = await ctx.call('settings-update', { patch: { dateOrder: oneOf(DATE_ORDERS)(order) } });
      ctx.print(next, () => describe(next));
    });

  const templates = program.command('templates').description('link-digest templates');
  templates
    .command('list')
    .description('the templates, the default first')
    .action(async () => {
      const ctx = context();
      const list = (await ctx.call('settings-get', {})).digestTemplates;
      ctx.print(list, () => list.map((template) => `${template.name}  —  ${template.title}`).join('\n'));
    });
  templates
    .command('add <name>')
    .description("a new template, a copy of the seed blog's with its own name")
    .option('--title <text>', 'the digest title, with {start} and {end}')
    .action(async (name: string, options: { title?: string }) => {
      const ctx = context();
      const list = (await ctx.call('settings-get', {})).digestTemplates;
      if (list.some((template) => template.name === name))
        throw new CliError(`There is already a template called "${name}". Choose another name.`);
      const added = { ...SEED_DIGEST_TEMPLATE, name, ...(options.title ? { title: options.title } : {}) };
      const next = await ctx.call('settings-update', {
        patch: { digestTemplates: [...list, added] },
        base: { templateNames: list.map((template) => template.name) },
      });
      ctx.print(next.digestTemplates, () => `Added the template "${name}".`);
    });
  templates
    .command('remove <name>')
    .description('remove a template (the last one cannot go)')
    .action(async (name: string) => {
      const ctx = context();
      const list = (await ctx.call('settings-get', {})).digestTemplates;
      const rest = list.filter((template) => template.name !== name);
      if (rest.length === list.length) throw new CliError(`There is no template called "${name}".`);
      if (rest.length === 0) throw new CliError('That is the only template; add another before removing it.');
      const next = await ctx.call('settings-update', {
        patch: { digestTemplates: rest },
        base: { templateNames: list.map((template) => template.name) },
      });
      ctx.print(next.digestTemplates, () => `Removed the template "${name}".`);
    });
}
