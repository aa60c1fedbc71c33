// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { missingAltWarning } from '../../renderer/features/publish/missing-alt';

describe('the warning before publishing images without alt text', () => {
  it('names each image without alt text by its file, and says what to do', () => {
    const html =
      '<p><img src="/drafts/d1/assets/harbour-1a2b.png" alt="Boats"></p>' +
      '<figure><img src="/drafts/d1/assets/map%20of%20hove-3c4d.png" alt=" "><figcaption>Map</figcaption></figure>' +
      '<p><img src="/drafts/d1/assets/pier-5e6f.png"></p>';
    expect(missingAltWarning(html)).toBe(
      '2 images (map of hove-3c4d.png, pier-5e6f.png) have no alt text: click an image and describe it for readers who cannot see it.',
    );
    expect(missingAltWarning('<p><img src="/drafts/d1/assets/pier-5e6f.png" alt=""></p>')).toBe(
      'The image pier-5e6f.png has no alt text: click an image and describe it for readers who cannot see it.',
    );
  });

  it('says nothing when every image has alt text, or there is none', () => {
    expect(missingAltWarning('<p><img src="/a.png" alt="A"></p>')).toBeNull();
    expect(missingAltWarning('<p>Text only</p>')).toBeNull();
  });
});
