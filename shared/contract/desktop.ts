import * as z from 'zod';
import { method } from './define';
import { uiStatePatchSchema, type PreviewStylesheet, type UiState } from '../model/ui-state';

const id = z.string().min(1).max(100);

/** What makes Postwright a desktop app: picking up where the author left off, and the preview. */
export const desktopMethods = {
  'ui-state-get': method(z.object({}).strict()).returns<UiState>(),
  'ui-state-update': method(z.object({ patch: uiStatePatchSchema }).strict()).returns<UiState>(),
  /**
   * The blog's own stylesheet for the preview: read from its home page's `<link rel=stylesheet>` and
   * `<style>` through the core's HTTP client, sanitised (no @import, no remote url()), cached per
   * blog. `refresh` fetches it again.
   */
  'preview-stylesheet': method(
    z.object({ blogId: id, refresh: z.boolean().optional() }).strict(),
  ).returns<PreviewStylesheet>(),
  /** The post's HTML with the draft's own images inlined, so a sandboxed frame can show them. */
  'preview-html': method(
    z.object({ draftId: id, html: z.string().max(50_000_000) }).strict(),
  ).returns<string>(),
};

export interface DesktopEvents {
  /**
   * Sent by the desktop host, not the core: a menu item was chosen, or a postwright:// link asks to
   * open a draft. The window's command registry runs it.
   */
  'app-command': { id: string; draftId?: string };
  /** Sent by the desktop host: a sentence for the author (a postwright:// link that was refused). */
  'app-notice': { text: string; tone: 'info' | 'error' };
}
