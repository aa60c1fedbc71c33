import type { z } from 'zod';
import type { MethodSpec } from './define';
import type { MethodName } from './index';
import {
  appMethodNames,
  archiveMethodNames,
  blogsMethodNames,
  cadenceMethodNames,
  calendarMethodNames,
  desktopMethodNames,
  draftsMethodNames,
  inboxMethodNames,
  micropubMethodNames,
  postTemplatesMethodNames,
  publishMethodNames,
} from './method-names';

type Specs = Record<string, MethodSpec<z.ZodType, unknown>>;

/**
 * Each domain's methods, loaded when one of them is first called: a CLI command builds the zod
 * schemas of its own domain, not the whole contract's (every schema of every domain at once).
 */
const DOMAINS: [readonly string[], () => Promise<Specs>][] = [
  [appMethodNames, async () => (await import('./app')).appMethods],
  [draftsMethodNames, async () => (await import('./drafts')).draftsMethods],
  [calendarMethodNames, async () => (await import('./calendar')).calendarMethods],
  [blogsMethodNames, async () => (await import('./blogs')).blogsMethods],
  [publishMethodNames, async () => (await import('./publish')).publishMethods],
  [inboxMethodNames, async () => (await import('./inbox')).inboxMethods],
  [micropubMethodNames, async () => (await import('./micropub')).micropubMethods],
  [cadenceMethodNames, async () => (await import('./cadence')).cadenceMethods],
  [desktopMethodNames, async () => (await import('./desktop')).desktopMethods],
  [archiveMethodNames, async () => (await import('./archive')).archiveMethods],
  [postTemplatesMethodNames, async () => (await import('./post-templates')).postTemplatesMethods],
];

const loaderOf = new Map(DOMAINS.flatMap(([names, load]) => names.map((name) => [name, load] as const)));

export function isMethodName(name: string): name is MethodName {
  return loaderOf.has(name);
}

/** The method's spec (its argument schema), its domain loaded on first use. */
export async function specOf(method: MethodName): Promise<MethodSpec<z.ZodType, unknown>> {
  return (await loaderOf.get(method)!())[method]!;
}

/**
 * Builds every domain's schemas and runs each argument schema once (zod compiles a schema on its
 * first use), a domain at a time with a turn of the event loop between: a long-lived host does
 * this while it waits, so a window's first calls do not pay for it.
 */
export async function prepareAllSpecs(nextTurn: () => Promise<void>): Promise<void> {
  for (const [names, load] of DOMAINS) {
    const specs = await load();
    for (const name of names) specs[name]?.args.safeParse({});
    await nextTurn();
  }
}
