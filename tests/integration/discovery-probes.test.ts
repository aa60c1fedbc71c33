import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverBlog } from '../../main/core/publish/discovery/discover';
import { createHttpClient } from '../../main/core/platform/http';
import { closedPort } from '../support/closed-port';
import { startLinkPages, type PageServer } from '../support/link-pages';

const http = createHttpClient('Postwright-test');

describe('discovery reports only what it found', () => {
  let pages: PageServer;
  beforeAll(async () => {
    pages = await startLinkPages();
  });
  afterAll(async () => {
    await pages.close();
  });

  it('an address nothing answers at: one failed probe in words, and no guessed endpoint called found', async () => {
    const report = await discoverBlog(http, `http://127.0.0.1:${await closedPort()}/`);
    expect(report.metaweblog).toBeNull();
    expect(report.micropub).toBeNull();
    expect(report.probes).toHaveLength(1);
    expect(report.probes[0]).toMatchObject({ step: 'Home page', outcome: 'error' });
    expect(report.probes[0]!.detail).toBe(
      'Could not load the page: Nothing answers at that address (the connection was refused).',
    );
    expect(report.probes.some((probe) => probe.outcome === 'found')).toBe(false);
  });

  it('a page without EditURI: /xmlrpc.php is tried and, when it does not answer, reported failed, not found', async () => {
    const report = await discoverBlog(http, `${pages.origin}/og-only`);
    expect(report.metaweblog).toBeNull();
    const found = report.probes.filter((probe) => probe.outcome === 'found').map((probe) => probe.step);
    expect(found).toEqual(['Home page']);
    const endpoint = report.probes.find((probe) => probe.step === 'XML-RPC endpoint')!;
    expect(endpoint).toMatchObject({
      outcome: 'error',
      target: `${pages.origin}/og-only/xmlrpc.php`,
      status: 404,
    });
    expect(endpoint.detail).toContain(
      'the usual WordPress address, tried because the page has no EditURI link',
    );
    expect(report.probes.map((probe) => probe.step)).not.toContain('Fallback');
  });
});
