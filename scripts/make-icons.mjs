// Renders the app's icons from its one source image, packaging/icon.svg, for electron-builder:
// a 1024 px PNG (Linux, and the source electron-builder sizes down), an ICNS (macOS) and an ICO
// (Windows). Run by `npm run dist`; the outputs in packaging/icons/ are not kept in git.
import { Resvg } from '@resvg/resvg-js';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import png2icons from 'png2icons';

const root = fileURLToPath(new URL('..', import.meta.url));
export const ICON_SOURCE = `${root}packaging/icon.svg`;

/** Writes icon.png, icon.icns and icon.ico into `outDir`; answers their paths. */
export async function makeIcons(outDir = `${root}packaging/icons`) {
  const svg = await readFile(ICON_SOURCE);
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: 1024 } }).render().asPng();
  const icns = png2icons.createICNS(png, png2icons.BICUBIC, 0);
  const ico = png2icons.createICO(png, png2icons.BICUBIC, 0, false, true);
  if (!icns || !ico) throw new Error('The icons could not be made from packaging/icon.svg.');
  await mkdir(outDir, { recursive: true });
  const paths = { png: `${outDir}/icon.png`, icns: `${outDir}/icon.icns`, ico: `${outDir}/icon.ico` };
  await Promise.all([writeFile(paths.png, png), writeFile(paths.icns, icns), writeFile(paths.ico, ico)]);
  return paths;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const paths = await makeIcons(process.argv[2]);
  console.log(`Icons written: ${Object.values(paths).join(', ')}`);
}
