import { COMMANDS, keysFor, type MenuName, type Platform } from './catalog';
import { accelerator } from './keys';

/**
 * Electron's application menu as plain data, made from the command catalogue: main/electron/menu.ts
 * turns it into Electron's template. Pure, so a unit test checks the menu without Electron.
 */

/** Electron's standard menu roles this menu uses. */
export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'minimize'
  | 'zoom'
  | 'close'
  | 'front'
  | 'quit'
  | 'about';

export type MenuEntry =
  | {
      kind: 'command';
      id: string;
      label: string;
      accelerator?: string;
      /**
       * False for keys the page handles where they apply (the editor's Ctrl+K): the menu shows the
       * key, but Electron does not take it from the page.
       */
      registerAccelerator: boolean;
    }
  | { kind: 'role'; role: MenuRole }
  | { kind: 'separator' };

export interface MenuModel {
  name: MenuName | 'app';
  label: string;
  entries: MenuEntry[];
  /** macOS's application menu (About, Hide, Quit) is Electron's own. */
  role?: 'appMenu';
}

const MENU_LABELS: Record<MenuName, string> = {
  file: 'File',
  edit: 'Edit',
  view: 'View',
  post: 'Post',
  go: 'Go',
  window: 'Window',
  help: 'Help',
};

const ORDER: MenuName[] = ['file', 'edit', 'view', 'post', 'go', 'window', 'help'];

function roles(...names: MenuRole[]): MenuEntry[] {
  return names.map((role) => ({ kind: 'role', role }));
}

const SEPARATOR: MenuEntry = { kind: 'separator' };

/** What each menu holds besides the catalogue's commands: Electron's standard roles. */
function roleSections(name: MenuName, platform: Platform): MenuEntry[][] {
  switch (name) {
    case 'file':
      return platform === 'mac' ? [] : [roles('quit')];
    case 'edit':
      return [
        roles('undo', 'redo'),
        roles('cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete', 'selectAll'),
      ];
    case 'view':
      return [roles('resetZoom', 'zoomIn', 'zoomOut'), roles('togglefullscreen')];
    case 'window':
      return platform === 'mac' ? [roles('minimize', 'zoom'), roles('front')] : [roles('minimize', 'close')];
    case 'help':
      return platform === 'mac' ? [] : [roles('about')];
    default:
      return [];
  }
}

function commandSections(name: MenuName, platform: Platform): MenuEntry[][] {
  const sections = new Map<number, MenuEntry[]>();
  for (const command of COMMANDS) {
    if (command.menu?.name !== name) continue;
    const key = keysFor(command, platform, 'electron')[0];
    const entry: MenuEntry = {
      kind: 'command',
      id: command.id,
      label: command.menu.label ?? command.title,
      ...(key ? { accelerator: accelerator(key) } : {}),
      registerAccelerator: (command.scope ?? 'global') === 'global',
    };
    const section = sections.get(command.menu.section) ?? [];
    section.push(entry);
    sections.set(command.menu.section, section);
  }
  return [...sections.entries()].sort(([a], [b]) => a - b).map(([, entries]) => entries);
}

function joinSections(sections: MenuEntry[][]): MenuEntry[] {
  return sections
    .filter((section) => section.length > 0)
    .flatMap((section, index) => (index === 0 ? section : [SEPARATOR, ...section]));
}

export function menuModel(platform: Platform): MenuModel[] {
  const menus: MenuModel[] = ORDER.map((name) => {
    const own = commandSections(name, platform);
    const standard = roleSections(name, platform);
    // The edit menu starts with undo and the clipboard; the others end with their standard items.
    const sections = name === 'edit' ? [...standard, ...own] : [...own, ...standard];
    return { name, label: MENU_LABELS[name], entries: joinSections(sections) };
  });
  // macOS puts About and Quit in a menu named after the app, before File.
  return platform === 'mac'
    ? [{ name: 'app', label: 'Postwright', entries: [], role: 'appMenu' }, ...menus]
    : menus;
}
