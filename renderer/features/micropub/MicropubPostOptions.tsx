import { useEffect, useState } from 'react';
import type { Draft } from '../../../shared/model/draft';
import type { MicropubPublishOptions, PostKind, SyndicationTarget } from '../../../shared/model/micropub';
import { useCore } from '../../core/CoreContext';
import './micropub.css';

const KINDS: { kind: PostKind; label: string }[] = [
  { kind: 'article', label: 'Article' },
  { kind: 'note', label: 'Note' },
  { kind: 'bookmark', label: 'Bookmark' },
  { kind: 'event', label: 'Event' },
];

/**
 * The Micropub part of the publish bar: the post type and the syndication targets the blog lists in
 * q=config (the author ticks them). Shown only when the draft goes to a Micropub blog; a blog that
 * cannot be asked simply offers no targets.
 */
export function MicropubPostOptions({
  draft,
  onChange,
}: {
  draft: Draft;
  onChange: (options: MicropubPublishOptions | undefined) => void;
}) {
  const core = useCore();
  const [blogId, setBlogId] = useState<string | null>(null);
  const [targets, setTargets] = useState<SyndicationTarget[]>([]);
  // Unset: the core decides when publishing (an article when the draft has a title, else a note).
  const [kind, setKind] = useState<PostKind | ''>('');
  const [chosen, setChosen] = useState<string[]>([]);

  useEffect(() => {
    let live = true;
    void (async () => {
      const blogs = await core.call('blogs-list', {});
      const blog =
        blogs.find((entry) => entry.id === draft.blogId) ?? (blogs.length === 1 ? blogs[0] : undefined);
      if (!live || blog?.protocol !== 'micropub') return;
      setBlogId(blog.id);
      const config = await core.call('micropub-config', { blogId: blog.id }).catch(() => null);
      if (live && config) setTargets(config.syndicateTo);
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [core, draft.blogId]);

  useEffect(() => {
    onChange(
      blogId ? { ...(kind ? { kind } : {}), ...(chosen.length ? { syndicateTo: chosen } : {}) } : undefined,
    );
  }, [blogId, kind, chosen, onChange]);

  if (!blogId) return null;
  return (
    <span className="micropub-options" aria-label="Micropub options">
      <label>
        <span className="muted">Post as</span>{' '}
        <select value={kind} onChange={(event) => setKind(event.target.value as PostKind | '')}>
          <option value="">Article if titled, else note</option>
          {KINDS.map((entry) => (
            <option key={entry.kind} value={entry.kind}>
              {entry.label}
            </option>
          ))}
        </select>
      </label>
      {targets.length > 0 && (
        <span className="micropub-options__targets" role="group" aria-label="Also post to">
          <span className="muted">Also post to</span>
          {targets.map((target) => (
            <label key={target.uid}>
              <input
                type="checkbox"
                checked={chosen.includes(target.uid)}
                onChange={(event) =>
                  setChosen((now) =>
                    event.target.checked ? [...now, target.uid] : now.filter((uid) => uid !== target.uid),
                  )
                }
              />{' '}
              {target.name}
            </label>
          ))}
        </span>
      )}
    </span>
  );
}
