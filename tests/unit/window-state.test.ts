import { describe, expect, it } from 'vitest';
import {
  choosePlacement,
  DEFAULT_SIZE,
  displayKey,
  remember,
  type WindowStateFile,
} from '../../main/electron/window-state';

const laptop = {
  bounds: { x: 0, y: 0, width: 1440, height: 900 },
  workArea: { x: 0, y: 25, width: 1440, height: 875 },
};
const monitor = {
  bounds: { x: 1440, y: 0, width: 2560, height: 1440 },
  workArea: { x: 1440, y: 0, width: 2560, height: 1400 },
};
const empty: WindowStateFile = { version: 1, lastDisplay: null, displays: {} };

describe('the window’s place', () => {
  it('starts centred on the main display at the default size', () => {
    expect(choosePlacement(empty, [laptop], laptop)).toEqual({
      x: 80,
      y: 53,
      ...DEFAULT_SIZE,
      maximized: false,
    });
  });

  it('comes back on the display it was on, with its size and maximised state', () => {
    const onMonitor = remember(empty, monitor.bounds, {
      x: 1600,
      y: 100,
      width: 1500,
      height: 1000,
      maximized: true,
    });
    expect(choosePlacement(onMonitor, [laptop, monitor], laptop)).toEqual({
      x: 1600,
      y: 100,
      width: 1500,
      height: 1000,
      maximized: true,
    });
    // Each display keeps its own: moving to the laptop does not forget the monitor's.
    const back = remember(onMonitor, laptop.bounds, {
      x: 10,
      y: 40,
      width: 1000,
      height: 700,
      maximized: false,
    });
    expect(back.displays[displayKey(monitor.bounds)]!.width).toBe(1500);
    expect(choosePlacement(back, [laptop, monitor], laptop)).toMatchObject({ x: 10, width: 1000 });
  });

  it('opens on the main display when its display is gone, fitted to it', () => {
    const onMonitor = remember(empty, monitor.bounds, {
      x: 1600,
      y: 100,
      width: 2000,
      height: 1200,
      maximized: false,
    });
    expect(choosePlacement(onMonitor, [laptop], laptop)).toEqual({
      x: 0,
      y: 25,
      width: 1440,
      height: 875,
      maximized: false,
    });
  });
});
