import { useState } from 'react';
import type { Draft, DraftFields } from '../../../../shared/model/draft';
import { MicropubPostOptions } from '../../micropub/MicropubPostOptions';
import { OnTheBlogSection } from '../../publish/OnTheBlogSection';
import type { Publishing } from '../../publish/usePublishing';
import type { DraftSession } from '../draft-session';
import type { UploadImage } from '../plugins/ImagesPlugin';
import { BlogField } from './BlogField';
import { FeaturedImageField } from './FeaturedImageField';
import { ChipInput } from './ChipInput';
import { fromLocalInput, isInFuture, slugFromTitle, toLocalInput, zoneNote } from './dates';
import { useBlogs, useCategorySuggestions } from './useBlogs';

/**
 * The post's fields beside the body: where it is on its blog (once published), where it goes, when,
 * and how the blog files it. Kept mounted while hidden, so choices made in it stay for the publish.
 */
export function PostPanel({
  draft,
  session,
  title,
  publishing,
  hidden,
  onShow,
  uploadImage,
}: {
  draft: Draft;
  session: DraftSession;
  title: string;
  publishing: Publishing;
  hidden: boolean;
  onShow: () => void;
  uploadImage: UploadImage;
}) {
  const [fields, setFields] = useState<DraftFields>(() => session.getFields());
  const blogs = useBlogs();
  // Where the post goes: the blog chosen here, else the one it is on, else the only blog there is
  // (as publishing decides), so the panel never says "Choose a blog…" about a post that has one.
  const blogId = fields.blogId ?? publishing.onBlog?.blogId ?? (blogs?.length === 1 ? blogs[0]!.id : null);
  const blog = blogs?.find((entry) => entry.id === blogId);
  const categorySuggestions = useCategorySuggestions(blog);
  const update = (patch: Partial<DraftFields>) => {
    setFields((current) => ({ ...current, ...patch }));
    session.setFields(patch);
  };
  const scheduled = isInFuture(fields.publishAt);
  const zone = zoneNote(fields.publishAt);

  return (
    <aside className="side-panel post-panel" aria-label="Post settings" hidden={hidden}>
      <h2 className="post-panel__title">Post</h2>
      <OnTheBlogSection draftId={draft.id} publishing={publishing} onShow={onShow} />
      <BlogField blogs={blogs} blogId={blogId} onChange={(next) => update({ blogId: next })} />
      <MicropubPostOptions
        blog={blog?.protocol === 'micropub' ? blog : null}
        onChange={publishing.setMicropubOptions}
      />
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
      <FeaturedImageField
        value={fields.featuredImage ?? null}
        readBody={() => session.snapshot().html}
        upload={uploadImage}
        onChange={(featuredImage) => update({ featuredImage })}
      />
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
        suggestions={
          blog && categorySuggestions.length
            ? { label: `Categories on ${blog.name}`, noun: 'category', values: categorySuggestions }
            : undefined
        }
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
