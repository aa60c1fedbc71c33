import { useEffect, useState } from 'react';
import type { Blog } from '../../../shared/model/blog';
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
  blog,
  onChange,
}: {
  /** The draft's Micropub blog; null when it goes elsewhere. */
  blog: Pick<Blog, 'id'> | null;
  onChange: (options: MicropubPublishOptions | undefined) => void;
}) {
  const core = useCore();
  const blogId = blog?.id ?? null;
  const [targets, setTargets] = useState<SyndicationTarget[]>([]);
  // Unset: the core decides when publishing (an article when the draft has a title, else a note).
  const [kind, setKind] = useState<PostKind | ''>('');
  const [chosen, setChosen] = useState<string[]>([]);

  useEffect(() => {
    if (!blogId) return;
    let live = true;
    core
      .call('micropub-config', { blogId })
      .then((config) => live && setTargets(config.syndicateTo))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [core, blogId]);

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
