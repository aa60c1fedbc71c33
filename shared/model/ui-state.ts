import { z } from 'zod';

export const SECTION_IDS = ['drafts', 'inbox', 'calendar', 'blogs', 'settings'] as const;

/**
 * Where the author left off, so the next launch opens the same way: the screen, the last open
 * draft, which panels were open, and the commands used last (the palette lists them first).
 * Every field has a default, so a missing or older file still loads.
 */
export const uiStateSchema = z.object({
  section: z.enum(SECTION_IDS).default('drafts'),
  /** The inbox shows its links or the digest being built. */
  inboxMode: z.enum(['links', 'digest']).default('links'),
  lastDraftId: z.string().max(100).nullable().default(null),
  /** null: the editor decides by the window's width. */
  postPanel: z.boolean().nullable().default(null),
  preview: z.boolean().default(false),
  /** The preview in the blog's own stylesheet, or a clean reading style. */
  previewStyle: z.enum(['blog', 'clean']).default('clean'),
  recentCommands: z.array(z.string().max(100)).max(20).default([]),
});

export type UiState = z.infer<typeof uiStateSchema>;
export const uiStatePatchSchema = uiStateSchema.partial().strict();
export type UiStatePatch = z.infer<typeof uiStatePatchSchema>;

/** A blog's stylesheet for the preview, sanitised, and when it was fetched. */
export interface PreviewStylesheet {
  blogId: string;
  css: string;
  /** The stylesheets it was made from. */
  sources: string[];
  fetchedAt: string;
}
