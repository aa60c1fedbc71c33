import { lazyScreen } from '../components/lazy-screen';
import { editorScreen } from '../features/drafts/DraftEditorPane';

// The sections the app does not open on: their code loads when first shown, keeping the start
// bundle to the frame and the drafts, and is fetched in the background once the app is ready.
const inbox = lazyScreen(async () => (await import('../features/inbox/InboxView')).InboxView, {
  what: 'the inbox',
});
const blogs = lazyScreen(async () => (await import('../features/blogs/BlogsView')).BlogsView, {
  what: 'your blogs',
});
const calendar = lazyScreen(async () => (await import('../features/calendar/CalendarView')).default, {
  what: 'the calendar',
});
const settings = lazyScreen(async () => (await import('../features/settings/SettingsView')).SettingsView, {
  what: 'the settings',
});

export const InboxView = inbox.Screen;
export const BlogsView = blogs.Screen;
export const CalendarView = calendar.Screen;
export const SettingsView = settings.Screen;

/** Fetches every section's code and the editor's once the browser is idle after the app is ready. */
export function preloadSections(): void {
  const load = () => [editorScreen, inbox, blogs, calendar, settings].forEach((screen) => screen.preload());
  if ('requestIdleCallback' in window) window.requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 200);
}
