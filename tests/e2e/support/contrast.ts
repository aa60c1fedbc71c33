import type { Locator } from '@playwright/test';

/**
 * The WCAG contrast ratio of an element's text against what is behind it: the first opaque
 * background among it and its ancestors (translucent ones blended over it), as a person sees it.
 */
export function textContrast(element: Locator): Promise<number> {
  return element.evaluate((node) => {
    const parse = (color: string) => {
      const [r = 0, g = 0, b = 0, a = 1] = (color.match(/[\d.]+/g) ?? []).map(Number);
      return { r, g, b, a: color.startsWith('rgba') ? a : 1 };
    };
    const over = (top: ReturnType<typeof parse>, under: ReturnType<typeof parse>) => ({
      r: top.r * top.a + under.r * (1 - top.a),
      g: top.g * top.a + under.g * (1 - top.a),
      b: top.b * top.a + under.b * (1 - top.a),
      a: 1,
    });
    const layers: ReturnType<typeof parse>[] = [];
    for (let at: Element | null = node; at; at = at.parentElement) {
      const layer = parse(getComputedStyle(at).backgroundColor);
      if (layer.a > 0) layers.push(layer);
      if (layer.a === 1) break;
    }
    const ground = layers.reduceRight((under, top) => over(top, under), { r: 255, g: 255, b: 255, a: 1 });
    const text = over(parse(getComputedStyle(node).color), ground);
    const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const [lr, lg, lb] = [r, g, b].map((value) => {
        const channel = value / 255;
        return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * lr! + 0.7152 * lg! + 0.0722 * lb!;
    };
    const [light, dark] = [luminance(text), luminance(ground)].sort((a, b) => b - a);
    return (light! + 0.05) / (dark! + 0.05);
  });
}
