import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages
    .filter((message) => message.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((message) => message.message);
}

describe('lint keeps the layers apart', () => {
  it('refuses electron in main/core', async () => {
    expect(
      await layerErrors('main/core/probe.ts', "import { app } from 'electron';\nexport const a = app;\n"),
    ).toHaveLength(1);
    expect(await layerErrors('main/core/probe.ts', "import 'electron';\n")).toHaveLength(1);
  });

  it('refuses electron in the browser host and the CLI', async () => {
    expect(await layerErrors('main/host/probe.ts', "import 'electron';\n")).toHaveLength(1);
    expect(
      await layerErrors(
        'main/cli/probe.ts',
        "import Store from 'electron-store';\nexport const s = Store;\n",
      ),
    ).toHaveLength(1);
  });

  it('refuses Node, Electron and main/ in the renderer', async () => {
    expect(
      await layerErrors(
        'renderer/probe.ts',
        "import { readFile } from 'node:fs';\nexport const r = readFile;\n",
      ),
    ).toHaveLength(1);
    expect(
      await layerErrors('renderer/probe.ts', "import { join } from 'path';\nexport const j = join;\n"),
    ).toHaveLength(1);
    expect(await layerErrors('renderer/probe.ts', "import 'electron';\n")).toHaveLength(1);
    expect(
      await layerErrors(
        'renderer/probe.ts',
        "import { createCore } from '../main/core/create-core';\nexport const c = createCore;\n",
      ),
    ).toHaveLength(1);
  });

  it('refuses anything platform-specific in shared/', async () => {
    expect(
      await layerErrors('shared/probe.ts', "import { join } from 'node:path';\nexport const j = join;\n"),
    ).toHaveLength(1);
    expect(
      await layerErrors('shared/probe.ts', "import React from 'react';\nexport const r = React;\n"),
    ).toHaveLength(1);
    expect(
      await layerErrors('shared/probe.ts', "import { x } from '../main/core/x';\nexport const y = x;\n"),
    ).toHaveLength(1);
  });

  it('lets each layer use what its host provides', async () => {
    expect(
      await layerErrors('main/electron/probe.ts', "import { app } from 'electron';\nexport const a = app;\n"),
    ).toEqual([]);
    expect(
      await layerErrors('main/core/probe.ts', "import { join } from 'node:path';\nexport const j = join;\n"),
    ).toEqual([]);
    expect(await layerErrors('renderer/probe.ts', "import { z } from 'zod';\nexport const s = z;\n")).toEqual(
      [],
    );
  });
});
