import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { chosenWidth, imageForUpload } from '../../main/core/publish/upload-size';
import { makePng } from '../support/png';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('postwright-upload-size-');
const src = '/drafts/d1/assets/pier.png';

function localImage(bytes: Buffer) {
  const file = join(tempDir(), 'pier.png');
  writeFileSync(file, bytes);
  return { src, file, name: 'pier.png', type: 'image/png' };
}

describe('images resized for upload', () => {
  it('reads the size the editor chose, the widest where the image shows twice', () => {
    expect(chosenWidth(`<img src="${src}" class="size-small" width="320">`, src)).toBe(320);
    expect(chosenWidth(`<img src="${src}" width="500">`, src)).toBe(500);
    expect(
      chosenWidth(`<img src="${src}" class="size-small"><img src="${src}" class="size-large">`, src),
    ).toBe(1024);
    expect(chosenWidth(`<img src="${src}" class="size-small"><img src="${src}">`, src)).toBeNull();
    expect(chosenWidth(`<img src="/elsewhere.png" class="size-small">`, src)).toBeNull();
  });

  it('resizes a large PNG, leaves a small one and a broken one byte for byte', async () => {
    const large = localImage(makePng(1500));
    const html = `<img src="${src}" class="size-medium" width="640">`;
    const resized = await imageForUpload(large, html);
    expect(await sharp(resized.data).metadata()).toMatchObject({ format: 'png', width: 640, height: 640 });
    expect(resized.name).toBe('pier-640w.png');

    const small = makePng(200);
    expect(await imageForUpload(localImage(small), html)).toEqual({ name: 'pier.png', data: small });
    const broken = Buffer.concat([makePng(50).subarray(0, 40), Buffer.from('not the rest of a png')]);
    expect(await imageForUpload(localImage(broken), html)).toEqual({ name: 'pier.png', data: broken });
  });
});
