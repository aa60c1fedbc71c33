import type { MenuItemConstructorOptions } from 'electron';
import type { Platform } from '../../shared/commands/catalog';
import { menuModel, type MenuEntry } from '../../shared/commands/menu-model';

/**
 * Electron's application menu, generated from the command catalogue (shared/commands): the same
 * titles, keys and order as the palette and the shortcut help. A command item hands its id to the
 * window (`run`), whose command registry runs it; standard items use Electron's roles.
 */
export function menuTemplate(platform: Platform, run: (id: string) => void): MenuItemConstructorOptions[] {
  const item = (entry: MenuEntry): MenuItemConstructorOptions => {
    if (entry.kind === 'separator') return { type: 'separator' };
    if (entry.kind === 'role') return { role: entry.role };
    return {
      id: entry.id,
      label: entry.label,
      ...(entry.accelerator
        ? { accelerator: entry.accelerator, registerAccelerator: entry.registerAccelerator }
        : {}),
      click: () => run(entry.id),
    };
  };
  return menuModel(platform).map((menu) =>
    menu.role
      ? { role: menu.role }
      : {
          label: menu.label,
          ...(menu.name === 'window' ? { role: 'windowMenu' as const } : {}),
          ...(menu.name === 'help' ? { role: 'help' as const } : {}),
          submenu: menu.entries.map(item),
        },
  );
}

export function platformOf(nodePlatform: NodeJS.Platform): Platform {
  return nodePlatform === 'darwin' ? 'mac' : 'other';
}
