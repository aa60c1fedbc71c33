import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { writeFileAtomic } from '../core/fs/atomic-write';

/**
 * The window's size, position and maximised state, remembered per display (`window-state.json` in the
 * data folder), so the app opens where it was: on the same monitor when it is still there, else
 * centred on the main one at the size it had. Pure choices here; main.ts feeds Electron's screen.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const placementSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(200).max(20_000),
  maximized: z.boolean(),
});
export type Placement = z.infer<typeof placementSchema>;

const fileSchema = z.object({
  version: z.literal(1),
  lastDisplay: z.string().nullable(),
  displays: z.record(z.string(), placementSchema),
});
export type WindowStateFile = z.infer<typeof fileSchema>;

export const DEFAULT_SIZE = { width: 1280, height: 820 };
const EMPTY: WindowStateFile = { version: 1, lastDisplay: null, displays: {} };

/** A display is known by where it sits and how big it is: its id may change between launches. */
export function displayKey(bounds: Rect): string {
  return `${bounds.x},${bounds.y},${bounds.width}x${bounds.height}`;
}

function overlap(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return Math.max(0, width) * Math.max(0, height);
}

/** Where to open the window, given the displays there are now (their bounds and work areas). */
export function choosePlacement(
  state: WindowStateFile,
  displays: { bounds: Rect; workArea: Rect }[],
  primary: { workArea: Rect },
): Placement {
  const last = state.lastDisplay ? state.displays[state.lastDisplay] : undefined;
  const display = displays.find((entry) => displayKey(entry.bounds) === state.lastDisplay);
  // At least a third of the window must be on that display's usable area, else it could be lost.
  if (last && display && overlap(last, display.workArea) >= (last.width * last.height) / 3) return last;
  const area = primary.workArea;
  const size = last ?? DEFAULT_SIZE;
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
    maximized: last?.maximized ?? false,
  };
}

/** Records the window's placement on the display it is on. */
export function remember(state: WindowStateFile, display: Rect, placement: Placement): WindowStateFile {
  const key = displayKey(display);
  return { version: 1, lastDisplay: key, displays: { ...state.displays, [key]: placement } };
}

export async function readWindowState(dataDir: string): Promise<WindowStateFile> {
  try {
    return fileSchema.parse(JSON.parse(await readFile(join(dataDir, 'window-state.json'), 'utf8')));
  } catch {
    // Missing or unreadable: the window opens at its default place, nothing else depends on it.
    return EMPTY;
  }
}

export function writeWindowState(dataDir: string, state: WindowStateFile): Promise<void> {
  return writeFileAtomic(join(dataDir, 'window-state.json'), `${JSON.stringify(state, null, 2)}\n`);
}
