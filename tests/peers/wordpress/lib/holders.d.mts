// Types of holders.mjs, for its unit test.
/** The folder of one test WordPress instance (instance.mjs); only `dir` is read here. */
export interface InstancePaths {
  dir: string;
}

export function addHolder(paths: InstancePaths, pid: number): void;
export function releaseHolder(paths: InstancePaths, pid: number): string[];
