import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';

/** The window sizes every main screen must work at: a small laptop, a common laptop, a desktop, a large screen. */
export const VIEWPORTS = [
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
  { width: 2560, height: 1440 },
] as const;

interface Box {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * What a person checks by looking at the screen as it opens (nothing scrolled): every named control
 * is on screen whole (inside the window, not cut off by a scrolling panel or covered by another
 * element) and no two of them overlap.
 */
export async function expectControlsUsable(page: Page, controls: Record<string, Locator>) {
  const viewport = page.viewportSize()!;
  const boxes: Box[] = [];
  for (const [name, control] of Object.entries(controls)) {
    await expect(control, `${name} is visible`).toBeVisible();
    const box = await control.boundingBox();
    expect(box, `${name} has a box`).not.toBeNull();
    const { x, y, width, height } = box!;
    expect(width, `${name} has a width`).toBeGreaterThan(0);
    expect(
      x >= -0.5 && y >= -0.5 && x + width <= viewport.width + 0.5 && y + height <= viewport.height + 0.5,
      `${name} (${Math.round(x)},${Math.round(y)} ${Math.round(width)}×${Math.round(height)}) lies inside the ${viewport.width}×${viewport.height} window`,
    ).toBe(true);
    expect(await shownWhole(control), `${name} is neither clipped nor covered`).toBe(true);
    boxes.push({ name, x, y, width, height });
  }
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const overlapX = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const overlapY = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      expect(overlapX > 1 && overlapY > 1, `${a.name} and ${b.name} overlap`).toBe(false);
    }
}

/**
 * The element's corners (inset a pixel) and centre hit the element itself or something inside it:
 * nothing covers it, and no scrolling ancestor cuts it off.
 */
function shownWhole(control: Locator): Promise<boolean> {
  return control.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    const inset = Math.min(2, rect.width / 4, rect.height / 4);
    const points = [
      [rect.left + rect.width / 2, rect.top + rect.height / 2],
      [rect.left + inset, rect.top + inset],
      [rect.right - inset, rect.top + inset],
      [rect.left + inset, rect.bottom - inset],
      [rect.right - inset, rect.bottom - inset],
    ] as const;
    return points.every(([x, y]) => {
      const hit = document.elementFromPoint(x, y);
      // A <select>'s or a label's own box may hit the label that wraps it.
      return hit !== null && (element.contains(hit) || hit.contains(element));
    });
  });
}

/** No part of the page scrolls sideways: nothing is wider than the window. */
export async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => {
    const wide: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('#root *')) {
      const style = getComputedStyle(element);
      if (!/(auto|scroll)/.test(style.overflowX)) continue;
      if (element.scrollWidth > element.clientWidth + 1)
        wide.push(
          `${element.tagName.toLowerCase()}.${element.className} (${element.scrollWidth} > ${element.clientWidth})`,
        );
    }
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1)
      wide.push(`the page (${root.scrollWidth} > ${root.clientWidth})`);
    return wide;
  });
  expect(overflow, 'nothing scrolls sideways').toEqual([]);
}

/** The window sizes every screen is looked at in. */
export const SIZES = [
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

/** The screen as it stands: nothing on it scrolls sideways; and a screenshot of it, named `name`. */
export async function lookAt(page: Page, testInfo: TestInfo, name: string) {
  await expectNoSidewaysScroll(page);
  await saveScreenshot(page, testInfo, name);
}

/** A screenshot for a person to look at, kept with the run's results (never committed). */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const { width, height } = page.viewportSize()!;
  await page.screenshot({ path: testInfo.outputPath(`${name}-${width}x${height}.png`) });
}
