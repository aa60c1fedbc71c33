import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

/** The layer errors ESLint reports for `code` as if it were the file at `filePath` (the file need not exist). */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages
    .filter((message) => message.severity === 2 && message.ruleId !== '@typescript-eslint/no-unused-vars')
    .map((message) => `${message.ruleId}: ${message.message}`);
}

/** One import of `specifier`, written each way a file can import it. */
function spellings(specifier: string): [string, string][] {
  return [
    ['a static import', `import { x } from '${specifier}';\nexport const y = x;\n`],
    ['a side-effect import', `import '${specifier}';\n`],
    ['a type-only import', `import type { X } from '${specifier}';\nexport type Y = X;\n`],
    ['a dynamic import()', `export const load = () => import('${specifier}');\n`],
    ['a re-export', `export * from '${specifier}';\n`],
    ['a require()', `export const m = require('${specifier}');\n`],
    ['an import() type', `export type Y = import('${specifier}').X;\n`],
  ];
}

/** [file in the layer, what it must not import, why] */
const FORBIDDEN: [string, string][] = [
  ['main/core/probe.ts', 'electron'],
  ['main/core/probe.ts', 'electron-store'],
  ['main/core/probe.ts', '../electron/window'],
  ['main/core/probe.ts', '../host/browser-host'],
  ['main/core/probe.ts', '../cli/parse'],
  ['main/core/probe.ts', '../../renderer/core/connect'],
  ['main/core/drafts/probe.ts', '../../electron/bookmark-links'],
  ['main/host/probe.ts', 'electron'],
  ['main/host/probe.ts', '../electron/window'],
  ['main/host/probe.ts', '../cli/parse'],
  ['main/cli/probe.ts', 'electron-store'],
  ['main/cli/probe.ts', '../electron/core-ipc'],
  ['main/electron/probe.ts', '../host/browser-host'],
  ['main/electron/probe.ts', '../../renderer/core/connect'],
  ['main/preload/probe.ts', 'node:fs'],
  ['main/preload/probe.ts', '../core/rpc/router'],
  ['main/preload/probe.ts', 'zod'],
  ['renderer/probe.ts', 'node:fs'],
  ['renderer/probe.ts', 'path'],
  ['renderer/probe.ts', 'electron'],
  ['renderer/probe.ts', 'ws'],
  ['renderer/probe.ts', '../main/core/create-core'],
  ['renderer/features/probe.ts', '../../main/preload/preload'],
  ['renderer/probe.ts', '../tests/support/temp-dir'],
  ['shared/probe.ts', 'node:path'],
  ['shared/probe.ts', 'react'],
  ['shared/probe.ts', 'axios'],
  ['shared/probe.ts', '../main/core/create-core'],
  ['shared/model/probe.ts', '../../renderer/core/connect'],
];

describe('lint keeps the layers apart, whatever the spelling of the import', () => {
  for (const [file, specifier] of FORBIDDEN) {
    it(`refuses ${specifier} in ${file.replace(/\/probe\.ts$/, '/')}`, async () => {
      for (const [way, code] of spellings(specifier)) {
        const errors = await layerErrors(file, code);
        // An import() type is refused as a spelling, so the import must be written where the layer rule sees it.
        const expected =
          way === 'an import() type'
            ? /import\(\)` type annotations are forbidden/
            : /docs\/architecture\.md/;
        expect(errors, `${way} of ${specifier} in ${file}`).toContainEqual(expect.stringMatching(expected));
      }
    });
  }

  it('refuses an import it cannot resolve, so a typo cannot slip past the layer rule', async () => {
    expect(
      await layerErrors('main/core/probe.ts', "import { x } from '../elsewhere/x';\nexport const y = x;\n"),
    ).toEqual([expect.stringMatching(/^import-x\/no-unresolved/)]);
  });

  it('lets each layer use what its host provides', async () => {
    const allowed: [string, string][] = [
      ['main/electron/probe.ts', "import { app } from 'electron';\nexport const a = app;\n"],
      [
        'main/electron/probe.ts',
        "import { createCore } from '../core/create-core';\nexport const c = createCore;\n",
      ],
      [
        'main/preload/probe.ts',
        "import { contextBridge } from 'electron';\nexport const c = contextBridge;\n",
      ],
      [
        'main/preload/probe.ts',
        "import type { PostwrightBridge } from '../../shared/contract/transport';\nexport type B = PostwrightBridge;\n",
      ],
      ['main/core/probe.ts', "import { join } from 'node:path';\nexport const j = join;\n"],
      ['main/core/probe.ts', "export const load = () => import('./drafts/draft-convert');\n"],
      ['main/host/probe.ts', "import { WebSocketServer } from 'ws';\nexport const w = WebSocketServer;\n"],
      ['main/cli/probe.ts', "export const load = () => import('../host/browser-host');\n"],
      ['renderer/probe.ts', "import * as z from 'zod';\nexport const s = z;\n"],
      ['renderer/probe.ts', "import { contract } from '../shared/contract';\nexport const c = contract;\n"],
      ['shared/probe.ts', "import * as z from 'zod';\nexport const s = z;\n"],
      [
        'tests/unit/probe.ts',
        "import { createCore } from '../../main/core/create-core';\nexport const c = createCore;\n",
      ],
    ];
    for (const [file, code] of allowed) expect(await layerErrors(file, code), `${file}: ${code}`).toEqual([]);
  });
});
