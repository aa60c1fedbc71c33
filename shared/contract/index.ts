import type { z } from 'zod';
import { appMethods, type AppEvents } from './app';
import { joinDomains, type MethodSpec } from './define';
import { draftsMethods, type DraftsEvents } from './drafts';
import { calendarMethods, type CalendarEvents } from './calendar';
import { blogsMethods, type BlogsEvents } from './blogs';
import { publishMethods, type PublishEvents } from './publish';
import { inboxMethods, type InboxEvents } from './inbox';
import { micropubMethods } from './micropub';
import { cadenceMethods, type CadenceEvents } from './cadence';
import { desktopMethods, type DesktopEvents } from './desktop';
import { archiveMethods } from './archive';
import { postTemplatesMethods, type PostTemplatesEvents } from './post-templates';

/** The whole API is the sum of the domains; each domain file adds its methods and events here. */
export const contract = joinDomains(
  appMethods,
  draftsMethods,
  calendarMethods,
  blogsMethods,
  publishMethods,
  inboxMethods,
  micropubMethods,
  cadenceMethods,
  desktopMethods,
  archiveMethods,
  postTemplatesMethods,
);

export type CoreEvents = AppEvents &
  DraftsEvents &
  CalendarEvents &
  BlogsEvents &
  PublishEvents &
  InboxEvents &
  CadenceEvents &
  DesktopEvents &
  PostTemplatesEvents;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type EventName = keyof CoreEvents;

type SpecOf<M extends MethodName> = Contract[M];
/** What a caller passes (defaults may be omitted). */
export type ArgsOf<M extends MethodName> = z.input<SpecOf<M>['args']>;
/** What a handler receives, after validation and defaults. */
export type ParsedArgsOf<M extends MethodName> = z.output<SpecOf<M>['args']>;
export type ResultOf<M extends MethodName> = SpecOf<M> extends MethodSpec<z.ZodType, infer R> ? R : never;

export interface CallContext {
  /** Aborted when the caller goes away, so long work can stop. */
  signal: AbortSignal;
}

export type Handlers = {
  [M in MethodName]: (args: ParsedArgsOf<M>, context: CallContext) => Promise<ResultOf<M>> | ResultOf<M>;
};

export * from './errors';
export * from './envelope';
export * from './transport';
