import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { circlesOf, groupGraph, readImportGraph } from '../support/import-graph';

// The arrows between the project's own files, read from the sources (static, dynamic, type-only and
// re-exporting imports alike). docs/architecture.md draws the layers these arrows must respect.
const graph = readImportGraph(process.cwd(), ['shared', 'main', 'renderer', 'tests']);

const HOSTS = /^(main\/(electron|preload|host|cli)|renderer)\//;

describe('the import graph', () => {
  it('has no circle between files', () => {
    expect(graph.size).toBeGreaterThan(300);
    expect(circlesOf(graph)).toEqual([]);
  });

  it('has no circle between the domains of main/core (blogs, publish, outbox, drafts, …)', () => {
    const domains = groupGraph(graph, (file) => /^main\/core\/([^/]+)\//.exec(file)?.[1] ?? null);
    expect(domains.get('publish')).toContain('blogs');
    expect(circlesOf(domains)).toEqual([]);
  });

  it('has no arrow from main/core back to a host or the renderer, nor from shared/ out of it', () => {
    const wrong = [...graph].flatMap(([from, targets]) =>
      targets
        .filter(
          (to) =>
            (from.startsWith('main/core/') && HOSTS.test(to)) ||
            (from.startsWith('shared/') && !to.startsWith('shared/')),
        )
        .map((to) => `${from} → ${to}`),
    );
    expect(wrong).toEqual([]);
  });

  it('finds a circle when there is one, through every file on it', () => {
    const circular = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    expect(circlesOf(circular)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
  });
});

describe('the hosts', () => {
  it("reach the core's handlers only by handing them to the router", () => {
    const hostFiles = [...graph.keys()].filter((file) => /^main\/(electron|host|cli|preload)\//.test(file));
    const bypasses = hostFiles.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/.{0,20}\bhandlers\b.{0,20}/g)]
        .map((match) => match[0])
        .filter((line) => !/createRouter\(\w+\.handlers,/.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(hostFiles.length).toBeGreaterThan(20);
    expect(bypasses).toEqual([]);
  });
});
