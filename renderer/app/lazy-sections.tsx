import { lazyScreen } from '../components/lazy-screen';

// The sections the app does not open on: their code loads when first shown (or once the app is
// idle), keeping the start bundle to the frame and the drafts.
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
