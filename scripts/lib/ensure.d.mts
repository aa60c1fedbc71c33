// Types of ensure.mjs, for its test.
export function installDependencies(options: {
  wantElectron: boolean;
  npm?: string;
  say?: (line: string) => void;
}): boolean;
