import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mediaKey } from '../../main/core/archive/archive-media';
import { heldBlog } from '../support/archive/held-blog';
import { coreCaller } from '../support/core-call';
import { makePng } from '../support/png';
import { useTempDir } from '../support/temp-dir';
import { createTestCore } from '../support/test-core';

// Issue 20: the archive is "stored beside the drafts (documented format in docs/data.md)". What a
// real pull writes is held against what the document says, so neither drifts from the other.
const tempDir = useTempDir('postwright-archive-format-');
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The words the document's "The blog archive" section writes in `code` (`{ "version": 1, "hash" }` gives both). */
function documentedNames(): Set<string> {
  const doc = readFileSync('docs/data.md', 'utf8');
  const start = doc.indexOf('## The blog archive');
  const section = doc.slice(start, doc.indexOf('\n## ', start + 1));
  const spans = [...section.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
  return new Set(spans.flatMap((span) => span.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []));
}

describe('the archive on disk is what docs/data.md says', () => {
  it('post files, pull.json and media files: every field and name documented', async () => {
    const { blog, dataDir, blogId } = await heldBlog(3, {
      dataDir: tempDir(),
      cleanups,
      body: (i, home) => (i === 0 ? `<img src="${home}img/a.png" alt="">` : ''),
      serve: (request, response) => {
        if (request.url !== '/img/a.png') return false;
        response.writeHead(200, { 'Content-Type': 'image/png' }).end(makePng(4));
        return true;
      },
    });
    const core = createTestCore(dataDir);
    cleanups.push(() => core.dispose());
    expect(await coreCaller(core)('archive-pull', { blogId, images: true })).toMatchObject({
      complete: true,
      total: 3,
    });
    const documented = documentedNames();
    const folder = join(dataDir, 'archive', blogId);
    expect(readdirSync(folder).sort()).toEqual(['media', 'posts', 'pull.json']);

    const posts = readdirSync(join(folder, 'posts'));
    expect(posts).toHaveLength(3);
    for (const name of posts) {
      expect(name).toMatch(/^[0-9a-f]{32}\.json$/);
      const file = JSON.parse(readFileSync(join(folder, 'posts', name), 'utf8')) as Record<string, unknown>;
      expect(Object.keys(file).sort()).toEqual(['hash', 'post', 'version']);
      expect(file.version).toBe(1);
      const post = file.post as Record<string, unknown>;
      for (const key of Object.keys(post)) expect(documented, `post.${key}`).toContain(key);
    }
    const pull = JSON.parse(readFileSync(join(folder, 'pull.json'), 'utf8')) as Record<string, unknown>;
    expect(pull.version).toBe(1);
    for (const key of Object.keys(pull)) expect(documented, `pull.json ${key}`).toContain(key);

    expect(readdirSync(join(folder, 'media'))).toEqual([`${mediaKey(`${blog.url}img/a.png`)}.png`]);
  });
});
