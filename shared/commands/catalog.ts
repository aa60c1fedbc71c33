/**
 * Every command of the app, declared once: its id, title, group, keys and menu place. The renderer
 * binds what each one runs (renderer/features/commands); Electron's application menu and its
 * accelerators are generated from the same list (menu-model.ts), as are the command palette and
 * the shortcut help. Adding a command is one entry here and one `useCommand(id, run)` where it runs.
 *
 * Keys are written "mod+shift+p": mod is ⌘ on macOS and Ctrl elsewhere. Browsers keep a few keys for
 * themselves (Ctrl/⌘+N, T, W and their Shift forms, Ctrl+Tab), so a command may name other keys for
 * the browser host; the palette and the help show each host the keys that work there.
 */

export type Platform = 'mac' | 'other';
export type HostKind = 'electron' | 'browser';
export type MenuName = 'file' | 'edit' | 'view' | 'post' | 'go' | 'window' | 'help';

/**
 * Where a key works: `global` anywhere in the window (dispatched by the app), `editor` in the body of
 * the open draft (Lexical handles it), `list` in a focused list (drafts, inbox, agenda).
 */
export type KeyScope = 'global' | 'editor' | 'list';

export type Keys = string[] | { mac: string[]; other: string[] };

export interface CommandSpec {
  id: string;
  title: string;
  /** The heading it is listed under in the palette and the shortcut help. */
  group: string;
  /** Keys in the desktop app (and in the browser host unless `browserKeys` says otherwise). */
  keys?: Keys;
  /** Keys in the browser host, for commands whose desktop keys a browser keeps for itself. */
  browserKeys?: Keys;
  scope?: KeyScope;
  /** Its place in Electron's application menu: the menu, and a section number (separators between). */
  menu?: { name: MenuName; section: number; label?: string };
  /** Only a key to know (listed in the help); the palette does not offer it. */
  helpOnly?: boolean;
  /** Said in words where no chord fits (type-ahead). */
  keysText?: string;
}

/** Browsers never pass these to a page: listed so the catalogue test can refuse them for the browser host. */
export const BROWSER_RESERVED_KEYS = [
  'mod+n',
  'mod+shift+n',
  'mod+t',
  'mod+shift+t',
  'mod+w',
  'mod+shift+w',
  'mod+q',
  'ctrl+tab',
  'ctrl+shift+tab',
];

export const COMMANDS: readonly CommandSpec[] = [
  // File
  {
    id: 'file.newDraft',
    title: 'New Draft',
    group: 'File',
    keys: ['mod+n'],
    browserKeys: ['mod+alt+n'],
    menu: { name: 'file', section: 1 },
  },
  {
    id: 'file.newFromTemplate',
    title: 'New Draft from Template…',
    group: 'File',
    menu: { name: 'file', section: 1, label: 'New from Template…' },
  },
  {
    id: 'file.open',
    title: 'Open Draft…',
    group: 'File',
    keys: ['mod+o'],
    menu: { name: 'file', section: 1, label: 'Open…' },
  },
  {
    id: 'file.import',
    title: 'Import Markdown or HTML…',
    group: 'File',
    menu: { name: 'file', section: 2, label: 'Import…' },
  },
  {
    id: 'file.exportHtml',
    title: 'Export Draft as HTML',
    group: 'File',
    keys: ['mod+shift+e'],
    menu: { name: 'file', section: 2, label: 'Export as HTML…' },
  },
  {
    id: 'file.exportMarkdown',
    title: 'Export Draft as Markdown',
    group: 'File',
    menu: { name: 'file', section: 2, label: 'Export as Markdown…' },
  },
  {
    id: 'file.save',
    title: 'Save Now',
    group: 'File',
    keys: ['mod+s'],
    menu: { name: 'file', section: 3, label: 'Save' },
  },
  {
    id: 'file.revisions',
    title: 'Show Revisions…',
    group: 'File',
    keys: ['mod+alt+h'],
    menu: { name: 'file', section: 3, label: 'Revisions…' },
  },
  {
    id: 'file.trashDraft',
    title: 'Move Draft to Trash',
    group: 'File',
    menu: { name: 'file', section: 3, label: 'Move to Trash' },
  },

  // Edit (the clipboard and undo items are Electron's standard roles, added by menu-model.ts)
  {
    id: 'edit.link',
    title: 'Add or Edit Link…',
    group: 'Edit',
    keys: ['mod+k'],
    scope: 'editor',
    menu: { name: 'edit', section: 3, label: 'Link…' },
  },
  {
    id: 'edit.findDrafts',
    title: 'Find in Drafts',
    group: 'Edit',
    keys: ['mod+shift+f'],
    menu: { name: 'edit', section: 3, label: 'Find in Drafts…' },
  },

  // View
  {
    id: 'view.palette',
    title: 'Command Palette…',
    group: 'View',
    keys: ['mod+shift+p', 'f1'],
    menu: { name: 'view', section: 1 },
  },
  {
    id: 'view.preview',
    title: 'Toggle Preview',
    group: 'View',
    keys: ['mod+alt+p'],
    menu: { name: 'view', section: 2, label: 'Preview' },
  },
  {
    id: 'view.postPanel',
    title: 'Toggle Post Settings',
    group: 'View',
    keys: ['mod+alt+s'],
    menu: { name: 'view', section: 2, label: 'Post Settings' },
  },
  {
    id: 'view.html',
    title: 'Toggle HTML Source',
    group: 'View',
    keys: ['mod+alt+u'],
    menu: { name: 'view', section: 2, label: 'HTML Source' },
  },
  {
    id: 'view.markdown',
    title: 'Toggle Markdown Source',
    group: 'View',
    keys: ['mod+alt+m'],
    menu: { name: 'view', section: 2, label: 'Markdown Source' },
  },

  // Post
  {
    id: 'post.publish',
    title: 'Publish',
    group: 'Post',
    keys: ['mod+enter'],
    menu: { name: 'post', section: 1 },
  },
  {
    id: 'post.update',
    title: 'Update Post on Blog',
    group: 'Post',
    menu: { name: 'post', section: 1, label: 'Update' },
  },
  {
    id: 'post.preview',
    title: 'Preview with the Blog’s Style',
    group: 'Post',
    menu: { name: 'post', section: 1, label: 'Preview' },
  },
  { id: 'post.schedule', title: 'Schedule…', group: 'Post', menu: { name: 'post', section: 2 } },
  // In the palette (Blogs on screen); the menus are issue 17's list.
  { id: 'blog.pullWhole', title: 'Pull the Whole Blog', group: 'Post' },
  {
    id: 'post.deleteFromBlog',
    title: 'Delete from Blog…',
    group: 'Post',
    menu: { name: 'post', section: 2 },
  },

  // Go
  {
    id: 'go.drafts',
    title: 'Go to Drafts',
    group: 'Go',
    keys: ['mod+1'],
    menu: { name: 'go', section: 1, label: 'Drafts' },
  },
  {
    id: 'go.inbox',
    title: 'Go to Inbox',
    group: 'Go',
    keys: ['mod+2'],
    menu: { name: 'go', section: 1, label: 'Inbox' },
  },
  {
    id: 'go.digest',
    title: 'Go to Digest',
    group: 'Go',
    keys: ['mod+3'],
    menu: { name: 'go', section: 1, label: 'Digest' },
  },
  {
    id: 'go.calendar',
    title: 'Go to Calendar',
    group: 'Go',
    keys: ['mod+4'],
    menu: { name: 'go', section: 1, label: 'Calendar' },
  },
  {
    id: 'go.blogs',
    title: 'Go to Blogs',
    group: 'Go',
    keys: ['mod+5'],
    menu: { name: 'go', section: 1, label: 'Blogs' },
  },
  {
    id: 'go.settings',
    title: 'Go to Settings',
    group: 'Go',
    keys: ['mod+,'],
    menu: { name: 'go', section: 2, label: 'Settings' },
  },
  { id: 'go.trash', title: 'Show the Trash', group: 'Go', menu: { name: 'go', section: 2, label: 'Trash' } },

  // Help
  {
    id: 'help.shortcuts',
    title: 'Keyboard Shortcuts',
    group: 'Help',
    keys: ['mod+/'],
    menu: { name: 'help', section: 1 },
  },

  // Keys to know: handled where they apply, listed in the help.
  { id: 'editor.bold', title: 'Bold', group: 'Editor', keys: ['mod+b'], scope: 'editor' },
  { id: 'editor.italic', title: 'Italic', group: 'Editor', keys: ['mod+i'], scope: 'editor' },
  { id: 'editor.underline', title: 'Underline', group: 'Editor', keys: ['mod+u'], scope: 'editor' },
  {
    id: 'editor.strikethrough',
    title: 'Strikethrough',
    group: 'Editor',
    keys: ['mod+shift+x'],
    scope: 'editor',
  },
  {
    id: 'editor.undo',
    title: 'Undo Typing',
    group: 'Editor',
    keys: ['mod+z'],
    scope: 'editor',
    helpOnly: true,
  },
  {
    id: 'editor.redo',
    title: 'Redo Typing',
    group: 'Editor',
    keys: { mac: ['mod+shift+z'], other: ['mod+shift+z', 'mod+y'] },
    scope: 'editor',
    helpOnly: true,
  },
  {
    id: 'list.move',
    title: 'Move Up or Down',
    group: 'Lists',
    keys: ['arrowup', 'arrowdown', 'home', 'end'],
    scope: 'list',
    helpOnly: true,
  },
  {
    id: 'list.open',
    title: 'Open the Chosen Item',
    group: 'Lists',
    keys: ['enter'],
    scope: 'list',
    helpOnly: true,
  },
  {
    id: 'list.trash',
    title: 'Move the Chosen Item to the Trash',
    group: 'Lists',
    keys: ['delete', 'backspace'],
    scope: 'list',
    helpOnly: true,
  },
  {
    id: 'list.undo',
    title: 'Undo the Last Trash (while its message shows)',
    group: 'Lists',
    keys: ['mod+z'],
    scope: 'list',
    helpOnly: true,
  },
  {
    id: 'list.typeahead',
    title: 'Jump to an Item by Typing its First Letters',
    group: 'Lists',
    keysText: 'Type letters',
    scope: 'list',
    helpOnly: true,
  },
];

export function commandById(id: string): CommandSpec | undefined {
  return COMMANDS.find((command) => command.id === id);
}

/** The keys of a command on one OS in one host; the first is the one menus and tooltips show. */
export function keysFor(command: CommandSpec, platform: Platform, host: HostKind): string[] {
  const keys = (host === 'browser' && command.browserKeys) || command.keys;
  if (!keys) return [];
  return Array.isArray(keys) ? keys : keys[platform];
}
