import type { SECTION_IDS } from '../../shared/model/ui-state';

export type SectionId = (typeof SECTION_IDS)[number];

export interface Section {
  id: SectionId;
  label: string;
  /** Ctrl/Cmd + this key opens the section (as the Go commands of shared/commands/catalog.ts say). */
  shortcut: string;
}

export const SECTIONS: Section[] = [
  { id: 'drafts', label: 'Drafts', shortcut: '1' },
  { id: 'inbox', label: 'Inbox', shortcut: '2' },
  { id: 'calendar', label: 'Calendar', shortcut: '4' },
  { id: 'blogs', label: 'Blogs', shortcut: '5' },
  { id: 'settings', label: 'Settings', shortcut: ',' },
];
