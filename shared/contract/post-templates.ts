import * as z from 'zod';
import { method } from './define';
import { dayString } from '../model/bookmark';
import { draftFieldsSchema, type Draft } from '../model/draft';
import { postTemplateInputSchema, type PostTemplate } from '../model/post-template';

const id = z.string().min(1).max(100);

export const postTemplatesMethods = {
  /** The author's post templates, in their order (the built-in examples until the list is changed). */
  'post-templates-list': method(z.object({}).strict()).returns<PostTemplate[]>(),
  /**
   * Adds a template (no `id`) or replaces the one with that `id`. Names are unique, whatever their
   * case; the body is sanitised; a date pattern date-fns refuses is refused with a sentence.
   */
  'post-templates-save': method(
    z.object({ id: id.optional(), template: postTemplateInputSchema }).strict(),
  ).returns<PostTemplate[]>(),
  'post-templates-delete': method(z.object({ id }).strict()).returns<PostTemplate[]>(),
  /**
   * A new draft from the template named `name` (any case) or with `id`: its date tokens written for
   * `day` (YYYY-MM-DD, default today in the machine's time zone). `fields` given (the CLI's flags)
   * take the place of the template's title and body; their tags and categories are added to its.
   */
  'post-templates-new-draft': method(
    z
      .object({
        id: id.optional(),
        name: z.string().trim().min(1).max(100).optional(),
        day: dayString.optional(),
        fields: draftFieldsSchema
          .partial()
          .extend({ html: z.string().max(50_000_000).optional() })
          .strict()
          .optional(),
      })
      .strict()
      .refine((args) => Boolean(args.id ?? args.name), { message: 'Give the template by id or by name.' }),
  ).returns<Draft>(),
};

export interface PostTemplatesEvents {
  /** The templates changed (here or in another process). */
  'post-templates-changed': PostTemplate[];
}
