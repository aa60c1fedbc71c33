import * as z from 'zod';

/**
 * A set of digest templates. Tokens are written `{name}`; `{#name}…{/name}` keeps its text only when
 * the token is not empty, `{^name}…{/name}` only when it is empty. Title and intro know {start} {end} {year} {count}; items know {title} {url}
 * {description} {comment} {tags} {date} {site}; groups know {tag} {items}; the body knows {intro} {items}.
 * Dates use a date-fns pattern ("MMMM do" gives "November 5th").
 */
export const digestTemplateSchema = z.object({
  name: z.string().trim().min(1).max(100),
  title: z.string().max(2000),
  intro: z.string().max(10_000),
  item: z.string().max(10_000),
  group: z.string().max(10_000),
  body: z.string().max(20_000),
  dateFormat: z.string().trim().min(1).max(100),
});
export type DigestTemplate = z.infer<typeof digestTemplateSchema>;

/** The seed blog's own digest, token for token (see fixtures/digest-2009-11-05). */
export const SEED_DIGEST_TEMPLATE: DigestTemplate = {
  name: 'Bookmarks',
  title: 'Bookmarks for {start} through {end}',
  intro: 'Awesomeness off of the internet for {start} to {end}:',
  // A quote follows a dash; a comment follows the quote, or the dash when there is no quote.
  item: '<li><a href="{url}">{title}</a>{#description} – "{description}"{/description}{#comment}{^description} –{/description} {comment}{/comment}</li>',
  group: '<li>{tag}\n<ul>\n{items}\n</ul>\n</li>',
  body: '<p>{intro}</p>\n<ul>\n{items}\n</ul>',
  dateFormat: 'MMMM do',
};

/** The seed item as first shipped: it dropped the dash before a comment that had no quote. */
const FIRST_SEED_ITEM =
  '<li><a href="{url}">{title}</a>{#description} – "{description}"{/description}{#comment} {comment}{/comment}</li>';

/** A list of template sets as a caller sends it (no default: see settingsPatchSchema). */
export const digestTemplateListSchema = z.array(digestTemplateSchema).min(1).max(50);

export const digestTemplatesSchema = digestTemplateListSchema
  .default([SEED_DIGEST_TEMPLATE])
  // Settings saved with that untouched item get today's.
  .transform((templates) =>
    templates.map((template) =>
      template.item === FIRST_SEED_ITEM ? { ...template, item: SEED_DIGEST_TEMPLATE.item } : template,
    ),
  );
