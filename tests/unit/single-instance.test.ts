import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { App } from 'electron';
import type { ParsedLink } from '../../shared/links/postwright-link';
import { registerBookmarkLinks } from '../../main/electron/bookmark-links';

// Electron's binary cannot run here: the app is an event emitter that answers the single-instance
// lock as Electron does (false when another instance holds it) and fires its events by name.
function fakeApp(lockIsFree: boolean) {
  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: () => lockIsFree,
    setAsDefaultProtocolClient: () => true,
  });
  return app as typeof app & App;
}

function received(app: App) {
  const links: ParsedLink[] = [];
  const launches: string[][] = [];
  const registered = registerBookmarkLinks(app);
  return {
    registered,
    links,
    launches,
    start: () => registered.deliver({ link: (l) => links.push(l), secondLaunch: (a) => launches.push(a) }),
  };
}

describe('one instance of the desktop app', () => {
  it('a second launch finds the lock held and is told to quit', () => {
    expect(registerBookmarkLinks(fakeApp(false)).ok).toBe(false);
  });

  it('the first instance takes the second launch’s link, or its files to import', () => {
    const app = fakeApp(true);
    const { registered, links, launches, start } = received(app);
    expect(registered.ok).toBe(true);
    start();
    app.emit('second-instance', {}, [
      '/opt/Postwright/postwright',
      'postwright://open?draft=mbc1x2-0a1b2c3d4e',
    ]);
    app.emit('second-instance', {}, ['/opt/Postwright/postwright', '/home/ann/pier.md']);
    expect(links).toEqual([{ ok: true, link: { kind: 'open-draft', draftId: 'mbc1x2-0a1b2c3d4e' } }]);
    expect(launches).toEqual([['/opt/Postwright/postwright', '/home/ann/pier.md']]);
  });

  it('a bad link is refused with a sentence to show, and one that came before the window waits for it', () => {
    const app = fakeApp(true);
    const { links, start } = received(app);
    app.emit(
      'open-url',
      { preventDefault: () => undefined },
      'postwright://bookmark?url=javascript%3Aalert(1)',
    );
    app.emit('second-instance', {}, ['postwright', 'postwright://bookmark?url=https%3A%2F%2Fexample.com%2F']);
    expect(links).toEqual([]);
    start();
    expect(links).toHaveLength(2);
    expect(links[0]!.ok).toBe(false);
    if (!links[0]!.ok) expect(links[0]!.reason).toMatch(/^[A-Z].*\.$/);
    expect(links[1]).toEqual({
      ok: true,
      link: { kind: 'bookmark', link: expect.objectContaining({ url: 'https://example.com/' }) },
    });
  });
});
