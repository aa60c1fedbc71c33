import { useEffect, useRef } from 'react';

/**
 * The bookmarklet's code. In the browser host it opens this app's address with the page in the
 * fragment (#add?url=&title=&quote=), read by LinkIntake; in the desktop app it opens a
 * postwright://bookmark link, which the app registers with the system.
 */
export function bookmarkletCode(desktop: boolean, origin: string): string {
  const target = desktop ? "'postwright://bookmark?'" : `'${origin}/#add?'`;
  return (
    "javascript:(function(){var e=encodeURIComponent,q=String(window.getSelection()||'').slice(0,2000);" +
    `window.open(${target}+'url='+e(location.href)+'&title='+e(document.title)+'&quote='+e(q),'postwright');})()`
  );
}

/** Explains the bookmarklet and offers the link to drag to the bookmarks bar. */
export function BookmarkletPanel() {
  const link = useRef<HTMLAnchorElement>(null);
  const desktop = Boolean(window.postwright);
  useEffect(() => {
    // React refuses javascript: URLs in href on purpose; this one is ours and is only ever dragged.
    link.current?.setAttribute('href', bookmarkletCode(desktop, location.origin));
  }, [desktop]);
  return (
    <div className="bookmarklet-panel">
      <p>
        Drag this button to your browser’s bookmarks bar. On any page, click it to send the page (and the text
        you have selected, as the quote) to this inbox.
      </p>
      <a
        ref={link}
        className="bookmarklet"
        onClick={(event) => event.preventDefault()}
        title="Drag me to the bookmarks bar"
      >
        + Postwright
      </a>
      <p className="muted">
        {desktop
          ? 'It opens a postwright:// link, which your system hands to Postwright.'
          : `It opens ${location.origin}. Postwright starts on this port every time, so the bookmarklet keeps working; if another program ever takes the port, Postwright says so when it starts and you drag the bookmarklet again.`}
      </p>
    </div>
  );
}
