// Types of run-bundled.mjs, for the tests that bundle a child script with it.
export function bundleForNode(entry: string, outfile: string, options?: { minify?: boolean }): Promise<void>;
