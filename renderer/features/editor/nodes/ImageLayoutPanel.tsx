import { forwardRef, type FocusEvent, type KeyboardEvent } from 'react';
import {
  SIZE_WIDTHS,
  type ImageAlign,
  type ImageLayout,
  type ImageSize,
} from '../../../../shared/publish/image-layout';

/** What the author changed of an image in its panel (or with the drag handle). */
export interface ImageChange {
  altText?: string;
  caption?: string;
  layout?: Partial<ImageLayout>;
}

const ALIGN_LABELS: [ImageAlign, string][] = [
  ['none', 'In line'],
  ['left', 'Left'],
  ['center', 'Centre'],
  ['right', 'Right'],
  ['full', 'Full width'],
];

const SIZE_LABELS: [Exclude<ImageSize, 'custom'>, string][] = [
  ['small', `Small (${SIZE_WIDTHS.small} px)`],
  ['medium', `Medium (${SIZE_WIDTHS.medium} px)`],
  ['large', `Large (${SIZE_WIDTHS.large} px)`],
  ['original', 'Original size'],
];

/**
 * The selected image's settings: alt text (required to publish), caption, alignment and size.
 * Text fields apply when they lose focus or on Enter; Escape and Done go back to the text.
 */
export const ImageLayoutPanel = forwardRef<
  HTMLSpanElement,
  {
    altText: string;
    caption: string;
    layout: ImageLayout;
    apply: (change: ImageChange) => void;
    onFocusChange: (inside: boolean) => void;
    onDone: () => void;
  }
>(function ImageLayoutPanel({ altText, caption, layout, apply, onFocusChange, onDone }, ref) {
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // The editor must not see keys typed into the panel.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      (event.target as HTMLElement).blur();
      onDone();
    }
  };
  const textField = (name: 'altText' | 'caption', value: string) => ({
    defaultValue: value,
    onBlur: (event: FocusEvent<HTMLInputElement>) => {
      const typed = event.currentTarget.value.trim();
      if (typed !== value) apply({ [name]: typed });
    },
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        apply({ [name]: event.currentTarget.value.trim() });
      }
    },
  });

  return (
    <span
      ref={ref}
      className="editor-image__panel"
      role="group"
      aria-label="Image settings"
      onKeyDown={onKeyDown}
      onFocus={() => onFocusChange(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onFocusChange(false);
      }}
    >
      <label>
        <span>Alt text</span>
        <input
          type="text"
          aria-required="true"
          placeholder="Describe the image for readers who cannot see it"
          {...textField('altText', altText)}
        />
      </label>
      <label>
        <span>Caption</span>
        <input type="text" placeholder="Shown under the image" {...textField('caption', caption)} />
      </label>
      <label>
        <span>Alignment</span>
        <select
          value={layout.align}
          onChange={(event) => apply({ layout: { align: event.currentTarget.value as ImageAlign } })}
        >
          {ALIGN_LABELS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Size</span>
        <select
          value={layout.size}
          onChange={(event) =>
            apply({ layout: { size: event.currentTarget.value as ImageSize, width: null } })
          }
        >
          {layout.size === 'custom' && <option value="custom">{`${layout.width ?? ''} px (dragged)`}</option>}
          {SIZE_LABELS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button" onClick={onDone}>
        Done
      </button>
    </span>
  );
});
