import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Floors {
  floors: Record<string, { version: string; why: string }>;
}
interface Lock {
  packages: Record<string, { version?: string }>;
}

const floors = (JSON.parse(readFileSync('security/dependency-floors.json', 'utf8')) as Floors).floors;
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as Lock;

function compare(a: string, b: string): number {
  const parts = (version: string) => version.split('-')[0]!.split('.').map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** Every copy of a package the lock file installs (nested copies too), as "path@version". */
function copies(name: string): { path: string; version: string }[] {
  return Object.entries(lock.packages)
    .filter(([path]) => path === `node_modules/${name}` || path.endsWith(`/node_modules/${name}`))
    .map(([path, entry]) => ({ path, version: entry.version ?? '0.0.0' }));
}

describe('dependency floors (security/dependency-floors.json)', () => {
  it('compares versions as numbers', () => {
    expect(compare('1.12.0', '1.9.9')).toBeGreaterThan(0);
    expect(compare('1.2.3', '1.2.3')).toBe(0);
    expect(compare('4.0.3', '4.0.10')).toBeLessThan(0);
  });

  it.each(Object.entries(floors))('every installed %s is at or above its floor', (name, floor) => {
    const below = copies(name).filter((copy) => compare(copy.version, floor.version) < 0);
    expect(below, `${name} below ${floor.version} (${floor.why})`).toEqual([]);
  });

  it('lists the packages that read untrusted input', () => {
    for (const name of [
      'axios',
      'fast-xml-parser',
      'dompurify',
      'ws',
      'mdast-util-from-markdown',
      'htmlparser2',
      'ical.js',
    ]) {
      expect(copies(name).length, `${name} is installed`).toBeGreaterThan(0);
      expect(Object.keys(floors)).toContain(name);
    }
  });
});
