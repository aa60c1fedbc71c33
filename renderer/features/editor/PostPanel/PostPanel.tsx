import { useState } from 'react';
import type { DraftFields } from '../../../../shared/model/draft';
import type { DraftSession } from '../draft-session';
import { ChipInput } from './ChipInput';
import { fromLocalInput, isInFuture, slugFromTitle, toLocalInput, zoneNote } from './dates';
import { useBlogs, useCategorySuggestions } from './useBlogs';

/** The post's fields beside the body: where it goes, when, and how the blog files it. */
export function PostPanel({ session, title }: { session: DraftSession; title: string }) {
  const [fields, setFields] = useState<DraftFields>(() => session.getFields());
  const blogs = useBlogs();
  const categorySuggestions = useCategorySuggestions(blogs?.find((blog) => blog.id === fields.blogId));
  const update = (patch: Partial<DraftFields>) => {
    setFields((current) => ({ ...current, ...patch }));
    session.setFields(patch);
  };
  const scheduled = isInFuture(fields.publishAt);
  const zone = zoneNote(fields.publishAt);

  return (
    <aside className="side-panel post-panel" aria-label="Post settings">
      <h2 className="post-panel__title">Post</h2>
      <div className="field">
        <label htmlFor="post-blog">Blog</label>
        {blogs === null || blogs.length === 0 ? (
          <select id="post-blog" disabled value="">
            <option value="">Add a blog first</option>
          </select>
        ) : (
          <select
            id="post-blog"
            value={fields.blogId ?? ''}
            onChange={(event) => update({ blogId: event.target.value || null })}
          >
            <option value="">Choose a blog…</option>
            {blogs.map((blog) => (
              <option key={blog.id} value={blog.id}>
                {blog.name}
              </option>
            ))}
          </select>
        )}
      </div>
      <div className="field">
        <label htmlFor="post-date">Publish date</label>
        <input
          id="post-date"
          type="datetime-local"
          value={toLocalInput(fields.publishAt)}
          onChange={(event) => update({ publishAt: fromLocalInput(event.target.value, fields.publishAt) })}
          aria-describedby="post-date-hint"
        />
        <span className="field__hint" id="post-date-hint">
          {zone && `Time in ${zone}, the zone the date was set in. `}
          {fields.publishAt === null
            ? 'Empty: the post is dated when you publish it.'
            : scheduled
              ? 'In the future: the blog publishes it then.'
              : 'The date the post shows.'}
        </span>
      </div>
      <ChipInput
        label="Tags"
        values={fields.tags}
        onChange={(tags) => update({ tags })}
        placeholder="Type a tag, press Enter"
      />
      <ChipInput
        label="Categories"
        values={fields.categories}
        onChange={(categories) => update({ categories })}
        placeholder="Type a category, press Enter"
        suggestions={categorySuggestions}
      />
      <div className="field">
        <label htmlFor="post-slug">Slug</label>
        <input
          id="post-slug"
          type="text"
          value={fields.slug}
          placeholder={slugFromTitle(title) || 'made-from-the-title'}
          onChange={(event) => update({ slug: event.target.value })}
        />
        <span className="field__hint">
          The end of the post's address. Empty: the blog makes one from the title.
        </span>
      </div>
      <div className="field">
        <label htmlFor="post-excerpt">Excerpt</label>
        <textarea
          id="post-excerpt"
          rows={4}
          value={fields.excerpt}
          placeholder="A sentence or two for the front page and feeds"
          onChange={(event) => update({ excerpt: event.target.value })}
        />
      </div>
    </aside>
  );
}
