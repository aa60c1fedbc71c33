import type { z } from 'zod';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contract, type MethodName } from '../../shared/contract';
import type { FieldProblem } from '../../shared/contract/explain-args';
import { createRouter } from '../../main/core/rpc/router';
import { silentLogger } from '../../main/core/platform/logger';
import { createTestCore } from '../support/test-core';
import type { Core } from '../../main/core/create-core';

// One core for every call: a malformed call never reaches it, and it is disposed before its folder goes.
let dataDir: string;
let core: Core;
let router: ReturnType<typeof createRouter>;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'postwright-invalid-args-'));
  core = createTestCore(dataDir);
  router = createRouter(core.handlers, silentLogger);
});
afterAll(async () => {
  await core.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});
const send = (method: string, args: unknown) =>
  router.handle({ id: 1, method, args }, { signal: new AbortController().signal });

type Def = { type?: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; options?: z.ZodType[] };
const defOf = (schema: z.ZodType): Def & { innerType?: z.ZodType; in?: z.ZodType } =>
  (schema as unknown as { _zod: { def: Def & { innerType?: z.ZodType; in?: z.ZodType } } })._zod.def;

function unwrap(schema: z.ZodType): z.ZodType {
  const def = defOf(schema);
  const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
  return inner ? unwrap(inner) : schema;
}

/** The objects a method's arguments may be (a union gives several). */
function shapesOf(schema: z.ZodType): Record<string, z.ZodType>[] {
  const def = defOf(unwrap(schema));
  if (def.type === 'object') return [def.shape!];
  if (def.type === 'union') return def.options!.flatMap(shapesOf);
  return [];
}

/** A value of the wrong kind for `schema`, or undefined when anything goes. */
function wrongValue(schema: z.ZodType): unknown {
  const def = defOf(unwrap(schema));
  switch (def.type) {
    case 'string':
    case 'enum':
    case 'literal':
    case 'union':
      return 42;
    case 'number':
    case 'int':
    case 'boolean':
    case 'array':
    case 'object':
    case 'record':
      return 'nonsense';
    default:
      return undefined;
  }
}

/** Every malformed call of a method: each field of the wrong kind, a list of empty entries, a field it does not take. */
function malformedCalls(method: MethodName): { field: string; args: Record<string, unknown> }[] {
  const calls: { field: string; args: Record<string, unknown> }[] = [];
  for (const shape of shapesOf(contract[method].args)) {
    // A discriminated union's choice is given, so the checks reach the other fields.
    const choice = Object.fromEntries(
      Object.entries(shape)
        .filter(([, schema]) => defOf(schema).type === 'literal')
        .map(([key, schema]) => [key, (defOf(schema) as { values: unknown[] }).values[0]]),
    );
    for (const [field, schema] of Object.entries(shape)) {
      const wrong = wrongValue(schema);
      if (wrong !== undefined) calls.push({ field, args: { ...choice, [field]: wrong } });
      const inner = unwrap(schema);
      if (defOf(inner).type === 'array' && shapesOf(defOf(inner).element!).length > 0) {
        calls.push({ field, args: { ...choice, [field]: [{ notAField: true }] } });
      }
    }
    calls.push({ field: 'notAField', args: { ...choice, notAField: 1 } });
  }
  if (calls.length === 0) calls.push({ field: 'notAField', args: { notAField: 1 } });
  return calls;
}

const SCHEMA_WORDING =
  /Invalid|expected|received|Too small|Too big|Unrecognized|pattern|regex|undefined|NaN|Wrong arguments|YYYY/;

describe('a malformed call gets sentences that name its fields in words', () => {
  const methods = Object.keys(contract) as MethodName[];

  test.each(methods)('%s', async (method) => {
    for (const { field, args } of malformedCalls(method)) {
      const reply = await send(method, args);
      const where = `${method} ${JSON.stringify(args)}`;
      expect(reply.ok, where).toBe(false);
      if (reply.ok) continue;
      const { code, message, detail } = reply.error;
      expect(code, where).toBe('invalid-args');
      if (method.includes('-')) expect(message, where).not.toContain(method);
      expect(message, where).not.toMatch(SCHEMA_WORDING);
      expect(message, where).not.toContain(String.fromCharCode(0));
      expect(message, where).not.toMatch(/\b[a-z]+[A-Z]\w*/); // no identifiers like draftId
      expect(message, where).toMatch(/^[A-Z“].*[.)]$/);

      const problems = (detail as { fields: FieldProblem[] }).fields;
      const problem = problems.find((entry) => entry.field === field);
      expect(problem, `${where}: ${message}`).toBeDefined();
      expect(problem!.label, where).toMatch(/^[a-z][a-z0-9 ]*$/);
      expect(problem!.message, where).toContain(problem!.label);
      expect(problem!.message, where).not.toMatch(SCHEMA_WORDING);
    }
  });
});

describe('the sentences themselves', () => {
  const call = async (method: string, args: unknown) => {
    const reply = await send(method, args);
    return reply.ok ? undefined : reply.error;
  };

  test('a digest date typed with a five-digit year', async () => {
    expect(await call('digest-preview', { from: '2009-11-05', to: '92009-11-08' })).toMatchObject({
      message: 'The end date must be a date, like 2009-11-08.',
      detail: { fields: [{ field: 'to', label: 'end date' }] },
    });
  });

  test('a missing field, a number out of range, a choice, a nested field', async () => {
    expect((await call('drafts-get', {}))?.message).toBe('The id is missing.');
    expect((await call('drafts-page', { offset: 0, limit: 501 }))?.message).toBe(
      'The limit must be at most 500.',
    );
    expect((await call('settings-update', { patch: { theme: 'purple' } }))?.message).toBe(
      'The theme must be one of “system”, “light” or “dark”.',
    );
    expect((await call('inbox-add', { links: [{ url: 42 }] }))?.message).toBe(
      'The address in entry 1 of the links must be text.',
    );
  });

  test('a schema’s own sentence is kept', async () => {
    expect((await call('events-create', { title: ' ', start: '2009-11-25' }))?.message).toBe(
      'An event needs a title.',
    );
  });
});
