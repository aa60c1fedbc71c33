import { afterEach } from 'vitest';
import type { Core } from '../../../main/core/create-core';
import { coreCaller, type CoreCall } from '../core-call';
import { useTempDir } from '../temp-dir';
import { createTestCore } from '../test-core';
import { startMicropubSite, type MicropubQuirks, type MicropubSite } from './micropub-site';

/** Adds the site as a Micropub blog of the core that `call` reaches, with a token the site issued. */
export function addMicropubBlog(call: CoreCall, site: MicropubSite) {
  return call('blogs-add', {
    protocol: 'micropub',
    homeUrl: site.url,
    endpoint: site.micropubUrl,
    token: site.auth.issueToken(),
  });
}

/**
 * Cores on fresh data folders, with a Micropub site as their blog, all closed after each test.
 * `begin` starts a site and a core and adds the blog (the core's side of what `useMicropubAuthor`
 * does at the command line); `openCore` is a core with no blog.
 */
export function useMicropubCore(prefix: string) {
  const tempDir = useTempDir(prefix);
  const cores: Core[] = [];
  const sites: MicropubSite[] = [];
  afterEach(async () => {
    await Promise.all(cores.splice(0).map((core) => core.dispose()));
    await Promise.all(sites.splice(0).map((site) => site.close()));
  });
  const openCore = () => {
    const core = createTestCore(tempDir());
    cores.push(core);
    return { core, call: coreCaller(core) };
  };
  return {
    tempDir,
    openCore,
    begin: async (quirks: Partial<MicropubQuirks> = {}) => {
      const site = await startMicropubSite(quirks);
      sites.push(site);
      const { core, call } = openCore();
      const blog = await addMicropubBlog(call, site);
      return { site, core, call, blog };
    },
  };
}
