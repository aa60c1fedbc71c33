import { DraftsPage } from '../pages/DraftsPage';
import type { AppUnderTest } from './fixtures';

/** Opens the app on a new draft titled `title`, the caret in its body, ready to type. */
export async function openNewDraft(app: AppUnderTest, title: string) {
  const page = await app.open();
  const drafts = new DraftsPage(page);
  await drafts.open();
  await drafts.newDraft(title);
  const editor = drafts.editor;
  await editor.focusEnd();
  return { page, drafts, editor };
}
