import { useRef, useState } from 'react';
import type { UploadImage } from '../plugins/ImagesPlugin';

/** The draft's own images in its body (`/drafts/<id>/assets/<name>`), each once, with its alt text. */
function draftImages(html: string): { src: string; label: string }[] {
  const body = new DOMParser().parseFromString(html, 'text/html');
  const seen = new Map<string, string>();
  for (const image of body.querySelectorAll('img')) {
    const src = image.getAttribute('src') ?? '';
    if (!src.startsWith('/drafts/') || seen.has(src)) continue;
    seen.set(src, image.alt.trim() || decodeURIComponent(src.split('/').pop() ?? src));
  }
  return [...seen].map(([src, label]) => ({ src, label }));
}

/**
 * The post's featured image: one of the draft's images, or a new file copied into the draft. Shown
 * as a thumbnail; the blog gets it as the post thumbnail (WordPress) or `featured` (Micropub).
 */
export function FeaturedImageField({
  value,
  readBody,
  upload,
  onChange,
}: {
  value: string | null;
  /** The body as the editor holds it now: the images to choose from. */
  readBody: () => string;
  upload: UploadImage;
  onChange: (src: string | null) => void;
}) {
  const [images, setImages] = useState(() => draftImages(readBody()));
  const [problem, setProblem] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const choices =
    value && !images.some((image) => image.src === value)
      ? [...images, { src: value, label: 'Added file' }]
      : images;

  const addFile = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    try {
      onChange(await upload(file));
    } catch (error) {
      setProblem(
        `Could not add ${file.name} to the draft: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  return (
    <div className="field featured-image">
      <label htmlFor="post-featured-image">Featured image</label>
      <select
        id="post-featured-image"
        value={value ?? ''}
        onFocus={() => setImages(draftImages(readBody()))}
        onChange={(event) => onChange(event.target.value || null)}
        aria-describedby="post-featured-image-hint"
      >
        <option value="">None</option>
        {choices.map((image) => (
          <option key={image.src} value={image.src}>
            {image.label}
          </option>
        ))}
      </select>
      {value && <img className="featured-image__thumb" src={value} alt="The featured image" />}
      <div className="featured-image__actions">
        <button type="button" className="button" onClick={() => picker.current?.click()}>
          Choose a file…
        </button>
        {value && (
          <button type="button" className="button" onClick={() => onChange(null)}>
            Remove featured image
          </button>
        )}
      </div>
      <input
        ref={picker}
        type="file"
        accept="image/png,image/jpeg,image/gif,image/webp,image/avif"
        hidden
        aria-label="Featured image file"
        onChange={(event) => {
          void addFile(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
      <span className="field__hint" id="post-featured-image-hint">
        {problem ?? 'Any image of the draft, or a new file. The blog shows it with the post.'}
      </span>
    </div>
  );
}
