export type SectionId = 'drafts' | 'inbox' | 'calendar' | 'blogs' | 'settings';

export interface Section {
  id: SectionId;
  label: string;
  /** Ctrl/Cmd + this key opens the section. */
  shortcut: string;
}

export const SECTIONS: Section[] = [
  { id: 'drafts', label: 'Drafts', shortcut: '1' },
  { id: 'inbox', label: 'Inbox', shortcut: '2' },
  { id: 'calendar', label: 'Calendar', shortcut: '3' },
  { id: 'blogs', label: 'Blogs', shortcut: '4' },
  { id: 'settings', label: 'Settings', shortcut: ',' },
];
