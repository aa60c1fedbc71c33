import * as z from 'zod';

/**
 * A post template: what a recurring post starts as. `title` and `html` may hold date tokens
 * (shared/templates/date-tokens.ts); `html` is the body skeleton, sanitised like any HTML from outside.
 */
export const postTemplateInputSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    title: z.string().max(1000).default(''),
    html: z.string().max(200_000).default(''),
    categories: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
    tags: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
  })
  .strict();
export type PostTemplateInput = z.input<typeof postTemplateInputSchema>;

export const postTemplateSchema = postTemplateInputSchema.extend({ id: z.string().min(1).max(100) });
export type PostTemplate = z.infer<typeof postTemplateSchema>;

/**
 * What a data folder starts with, until the author changes the list. The weekly links are the seed
 * blog's own ("Bookmarks for November 9th through November 16th", its intro line word for word);
 * the event notice follows the seed's "Learning Pool Breakfast events" post; the meeting report is
 * the third recurring post the issue names.
 */
export const BUILT_IN_POST_TEMPLATES: readonly PostTemplate[] = [
  {
    id: 'weekly-links',
    name: 'Weekly links',
    title: 'Bookmarks for {week-start:MMMM do} through {week-end:MMMM do}',
    html: '<p>Awesomeness off of the internet for {week-start:MMMM do} to {week-end:MMMM do}:</p><ul><li></li></ul>',
    categories: ['Links'],
    tags: ['bookmarks'],
  },
  {
    id: 'event-notice',
    name: 'Event notice',
    title: 'Event: {date+7:EEEE d MMMM}',
    html: '<p>What, where and when: </p><p>Speakers include </p><p>Visit our events page to find out more and book your place!</p>',
    categories: ['Events'],
    tags: ['events'],
  },
  {
    id: 'meeting-report',
    name: 'Meeting report',
    title: 'Meeting report, {date:d MMMM yyyy}',
    html: '<h2>Who was there</h2><p></p><h2>What was agreed</h2><ul><li></li></ul><h2>Next steps</h2><p></p>',
    categories: ['Reports'],
    tags: ['meetings'],
  },
];
