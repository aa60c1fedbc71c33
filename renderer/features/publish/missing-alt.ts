/**
 * Readers who cannot see an image hear its alt text instead: a post with images that have none
 * gets a warning before it goes out, naming them by file so the author can find them.
 */
export function imagesWithoutAlt(html: string): string[] {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  return Array.from(body.querySelectorAll('img'))
    .filter((image) => !(image.getAttribute('alt') ?? '').trim())
    .map(
      (image) => decodeURIComponent((image.getAttribute('src') ?? '').split('/').pop() ?? '') || 'an image',
    );
}

export function missingAltWarning(html: string): string | null {
  const names = imagesWithoutAlt(html);
  if (names.length === 0) return null;
  const which =
    names.length === 1 ? `The image ${names[0]} has` : `${names.length} images (${names.join(', ')}) have`;
  return `${which} no alt text: click an image and describe it for readers who cannot see it.`;
}
