import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../shared/commands/catalog';
import { menuModel } from '../../shared/commands/menu-model';
import { contextMenuTemplate } from '../../main/electron/context-menu';
import { menuTemplate } from '../../main/electron/menu';

const labels = (items: MenuItemConstructorOptions[]) =>
  items.map((item) => item.label ?? (item.type === 'separator' ? '—' : item.role));

describe("Electron's application menu", () => {
  it('is made from the command catalogue, menu by menu, as the issue lists them', () => {
    const template = menuTemplate('other', () => undefined);
    expect(template.map((menu) => menu.label)).toEqual([
      'File',
      'Edit',
      'View',
      'Post',
      'Go',
      'Window',
      'Help',
    ]);
    const submenu = (label: string) =>
      template.find((menu) => menu.label === label)!.submenu as MenuItemConstructorOptions[];
    expect(labels(submenu('File'))).toEqual([
      'New Draft',
      'New from Template…',
      'Open…',
      '—',
      'Import…',
      'Export as HTML…',
      'Export as Markdown…',
      '—',
      'Save',
      'Revisions…',
      'Move to Trash',
      '—',
      'quit',
    ]);
    expect(labels(submenu('Edit')).slice(0, 9)).toEqual([
      'undo',
      'redo',
      '—',
      'cut',
      'copy',
      'paste',
      'pasteAndMatchStyle',
      'delete',
      'selectAll',
    ]);
    expect(labels(submenu('Post'))).toEqual([
      'Publish',
      'Update',
      'Preview',
      '—',
      'Schedule…',
      'Delete from Blog…',
    ]);
    expect(labels(submenu('Go'))).toEqual([
      'Drafts',
      'Inbox',
      'Digest',
      'Calendar',
      'Blogs',
      '—',
      'Settings',
      'Trash',
    ]);
  });

  it('carries each command’s keys as accelerators, and hands the command to the window', () => {
    const chosen: string[] = [];
    const template = menuTemplate('other', (id) => chosen.push(id));
    const items = template.flatMap((menu) => (menu.submenu as MenuItemConstructorOptions[]) ?? []);
    const newDraft = items.find((item) => item.id === 'file.newDraft')!;
    expect(newDraft.accelerator).toBe('CmdOrCtrl+N');
    expect(newDraft.registerAccelerator).toBe(true);
    // The editor handles Ctrl+K itself: the menu shows it without taking it from the page.
    const link = items.find((item) => item.id === 'edit.link')!;
    expect(link).toMatchObject({ accelerator: 'CmdOrCtrl+K', registerAccelerator: false });
    (newDraft.click as () => void)();
    expect(chosen).toEqual(['file.newDraft']);
  });

  it('has every catalogue command with a menu place, once, and nothing else', () => {
    const inMenus = menuModel('mac').flatMap((menu) =>
      menu.entries.flatMap((entry) => (entry.kind === 'command' ? [entry.id] : [])),
    );
    const placed = COMMANDS.filter((command) => command.menu).map((command) => command.id);
    expect([...inMenus].sort()).toEqual([...placed].sort());
  });

  it('starts with the application menu on macOS', () => {
    const template = menuTemplate('mac', () => undefined);
    expect(template[0]).toEqual({ role: 'appMenu' });
    expect(template[1]!.label).toBe('File');
  });
});

describe('the editor’s native context menu', () => {
  const actions = {
    replaceMisspelling: () => undefined,
    addToDictionary: () => undefined,
    link: () => undefined,
  };
  const flags = { canCut: true, canCopy: true, canPaste: true } as never;

  it('offers the spell checker’s suggestions for a misspelt word, then the clipboard and Link…', () => {
    const replaced: string[] = [];
    const template = contextMenuTemplate(
      {
        misspelledWord: 'recieve',
        dictionarySuggestions: ['receive', 'relieve'],
        isEditable: true,
        selectionText: '',
        editFlags: flags,
      },
      { ...actions, replaceMisspelling: (word) => replaced.push(word) },
    );
    expect(labels(template)).toEqual([
      'receive',
      'relieve',
      'Add “recieve” to Dictionary',
      '—',
      'cut',
      'copy',
      'paste',
      '—',
      'Link…',
    ]);
    (template[0]!.click as () => void)();
    expect(replaced).toEqual(['receive']);
  });

  it('offers only Copy on text that cannot be edited', () => {
    const template = contextMenuTemplate(
      {
        misspelledWord: '',
        dictionarySuggestions: [],
        isEditable: false,
        selectionText: 'words',
        editFlags: flags,
      },
      actions,
    );
    expect(labels(template)).toEqual(['copy']);
  });
});
