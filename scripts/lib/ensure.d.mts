// Types of ensure.mjs, for its tests.
export const root: string;
export function run(command: string, args: string[], options?: object): number;
export function ensureDependencies(options: { wantElectron: boolean }): boolean;
export function installDependencies(options: {
  wantElectron: boolean;
  npm?: string;
  say?: (line: string) => void;
}): boolean;
export function electronBinaryPresent(): boolean;
export function findChromium(): string | undefined;
export function ensureChromium(): string;
