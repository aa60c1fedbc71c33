/**
 * How an image sits in a post: alignment, size and caption, written with the classes WordPress
 * themes style (alignleft, aligncenter, alignright, alignfull; wp-caption on a captioned figure)
 * and a `width` the image is resized to when it is uploaded (the original stays in the draft).
 */

export const IMAGE_ALIGNS = ['none', 'left', 'center', 'right', 'full'] as const;
export type ImageAlign = (typeof IMAGE_ALIGNS)[number];

export const IMAGE_SIZES = ['small', 'medium', 'large', 'original', 'custom'] as const;
export type ImageSize = (typeof IMAGE_SIZES)[number];

/** Display widths in CSS pixels; the upload is resized to the same width. */
export const SIZE_WIDTHS: Record<'small' | 'medium' | 'large', number> = {
  small: 320,
  medium: 640,
  large: 1024,
};

export const MIN_IMAGE_WIDTH = 48;
export const MAX_IMAGE_WIDTH = 4096;

export interface ImageLayout {
  align: ImageAlign;
  size: ImageSize;
  /** The width for `custom` (from the drag handle); ignored for the named sizes. */
  width: number | null;
}

export const DEFAULT_LAYOUT: ImageLayout = { align: 'none', size: 'original', width: null };

/** The width the post shows and the upload is resized to; null keeps the image as it is. */
export function layoutWidth(layout: ImageLayout): number | null {
  if (layout.size === 'custom') return layout.width;
  return layout.size === 'original' ? null : SIZE_WIDTHS[layout.size];
}

export function alignClass(align: ImageAlign): string | null {
  return align === 'none' ? null : `align${align}`;
}

export function sizeClass(size: ImageSize): string | null {
  if (size === 'custom') return null;
  return size === 'original' ? 'size-full' : `size-${size}`;
}

/** The layout an `<img>` (and its figure) say with their classes and width. */
export function readLayout(classes: string[], width: string | null): ImageLayout {
  const align = IMAGE_ALIGNS.find((name) => name !== 'none' && classes.includes(`align${name}`)) ?? 'none';
  const named = (['small', 'medium', 'large'] as const).find((name) => classes.includes(`size-${name}`));
  const pixels = width && /^\d+$/.test(width) ? Number(width) : null;
  if (named) return { align, size: named, width: null };
  if (pixels && !classes.includes('size-full')) return { align, size: 'custom', width: clampWidth(pixels) };
  return { align, size: 'original', width: null };
}

export function clampWidth(width: number): number {
  return Math.round(Math.min(MAX_IMAGE_WIDTH, Math.max(MIN_IMAGE_WIDTH, width)));
}
