import * as z from 'zod';

export const SECTION_IDS = ['drafts', 'inbox', 'calendar', 'blogs', 'settings'] as const;

/** Each field of ui-state.json, without its default: a patch names only what it changes. */
const fields = {
  section: z.enum(SECTION_IDS),
  /** The inbox shows its links or the digest being built. */
  inboxMode: z.enum(['links', 'digest']),
  lastDraftId: z.string().max(100).nullable(),
  /** null: the editor decides by the window's width. */
  postPanel: z.boolean().nullable(),
  preview: z.boolean(),
  /** The preview in the blog's own stylesheet, or a clean reading style. */
  previewStyle: z.enum(['blog', 'clean']),
  recentCommands: z.array(z.string().max(100)).max(20),
};

/**
 * Where the author left off, so the next launch opens the same way: the screen, the last open
 * draft, which panels were open, and the commands used last (the palette lists them first).
 * Every field has a default, so a missing or older file still loads.
 */
export const uiStateSchema = z.object({
  section: fields.section.default('drafts'),
  inboxMode: fields.inboxMode.default('links'),
  lastDraftId: fields.lastDraftId.default(null),
  postPanel: fields.postPanel.default(null),
  preview: fields.preview.default(false),
  previewStyle: fields.previewStyle.default('clean'),
  recentCommands: fields.recentCommands.default([]),
});

export type UiState = z.infer<typeof uiStateSchema>;
// Not uiStateSchema.partial(): zod fills a partial's missing fields with their defaults, so every
// patch would reset what it does not name.
export const uiStatePatchSchema = z.object(fields).partial().strict();
export type UiStatePatch = z.infer<typeof uiStatePatchSchema>;

/** A blog's stylesheet for the preview, sanitised, and when it was fetched. */
export interface PreviewStylesheet {
  blogId: string;
  css: string;
  /** The stylesheets it was made from. */
  sources: string[];
  fetchedAt: string;
}
