import { extname } from 'node:path';
import { layoutWidth, readLayout } from '../../../shared/publish/image-layout';
import { startTags } from '../html/start-tags';
import { readImage, type LocalImage } from './draft-images';

/** What sharp writes for each type the drafts hold (gif stays as it is: its frames are the author's). */
const RESIZABLE: Record<string, 'jpeg' | 'png' | 'webp' | 'avif'> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/avif': 'avif',
};

/**
 * The width the body asks of this image (the widest where it appears more than once), or null when
 * one place shows it at its own size.
 */
export function chosenWidth(html: string, src: string): number | null {
  let widest: number | null = null;
  for (const tag of startTags(html, ['img'])) {
    if (tag.attributes.src !== src) continue;
    const classes = (tag.attributes.class ?? '').split(/\s+/).filter(Boolean);
    const width = layoutWidth(readLayout(classes, tag.attributes.width ?? null));
    if (width === null) return null;
    widest = Math.max(widest ?? 0, width);
  }
  return widest;
}

/**
 * What a job records an upload under: the src, with the width where the body asks for one, so an
 * image the author resizes after publishing is sent again at its new size on the next update.
 */
export function uploadKey(html: string, src: string): string {
  const width = chosenWidth(html, src);
  return width === null ? src : `${src}#${width}w`;
}

/** What goes to the blog for one draft image: its bytes and the file name they go under. */
export interface UploadFile {
  name: string;
  data: Buffer;
}

/**
 * The bytes to upload for a draft image: resized to the size chosen in the editor (small, medium,
 * large or a dragged width), never enlarged, turned upright by its EXIF orientation and with its
 * metadata (camera, place) left out; the original in the draft's folder is never changed. An image
 * already that small, a gif, or one the library cannot read goes as it is. A resized copy is named
 * by its width (`harbour-640w.jpg`), so the blog's library tells it from the original.
 */
export async function imageForUpload(image: LocalImage, html: string): Promise<UploadFile> {
  const original = await readImage(image);
  const width = chosenWidth(html, image.src);
  const format = RESIZABLE[image.type];
  const asItIs = { name: image.name, data: original };
  if (width === null || !format) return asItIs;
  // Loaded on the first resize only: a native library that `drafts list` never needs.
  const { default: sharp } = await import('sharp');
  try {
    const { width: own, autoOrient } = await sharp(original).metadata();
    if ((autoOrient?.width ?? own ?? 0) <= width) return asItIs;
    const data = await sharp(original)
      .autoOrient()
      .resize({ width, withoutEnlargement: true })
      .toFormat(format)
      .toBuffer();
    const extension = extname(image.name);
    return {
      name: `${image.name.slice(0, image.name.length - extension.length)}-${width}w${extension}`,
      data,
    };
  } catch {
    return asItIs; // not an image sharp can read: the blog gets it as the author has it
  }
}
