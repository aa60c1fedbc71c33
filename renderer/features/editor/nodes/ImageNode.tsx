import {
  $applyNodeReplacement,
  $createParagraphNode,
  $getNodeByKey,
  DecoratorNode,
  type DOMConversionMap,
  type DOMConversionOutput,
  type DOMExportOutput,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import type { JSX } from 'react';
import {
  alignClass,
  DEFAULT_LAYOUT,
  layoutWidth,
  readLayout,
  sizeClass,
  type ImageLayout,
} from '../../../../shared/publish/image-layout';
import { ImageComponent } from './ImageComponent';
import type { ImageChange } from './ImageLayoutPanel';

export type SerializedImageNode = Spread<
  { src: string; altText: string; caption?: string } & Partial<ImageLayout>,
  SerializedLexicalNode
>;

/**
 * Only the draft's own images (served by the host from the draft's folder) are shown: a post never
 * pulls remote content into the app, and a pasted `<img src="http://…">` would be a tracking pixel.
 */
export function isDraftImageSrc(src: string): boolean {
  return /^\/drafts\/[A-Za-z0-9_-]+\/assets\/[^/?#\\]+$/.test(src) && !src.includes('..');
}

function classList(element: Element): string[] {
  return (element.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
}

function convertImage(image: Element, figure: Element | null): DOMConversionOutput {
  const src = image.getAttribute('src') ?? '';
  if (!isDraftImageSrc(src)) return { node: null };
  const layout = readLayout(
    [...classList(image), ...(figure ? classList(figure) : [])],
    image.getAttribute('width'),
  );
  const caption = figure?.querySelector('figcaption')?.textContent?.trim() ?? '';
  const node = $createImageNode(src, image.getAttribute('alt') ?? '', { caption, ...layout });
  if (!figure) return { node };
  // A figure is a block of its own; its caption is the node's, so its text must not come in again.
  return { node: $createParagraphNode().append(node), after: () => [] };
}

/**
 * An image copied into the draft's folder: its alt text, and how the post lays it out (alignment,
 * size, caption; shared/publish/image-layout). Published as `<img>`, or `<figure>` with a caption.
 */
export class ImageNode extends DecoratorNode<JSX.Element> {
  __src: string;
  __altText: string;
  __caption: string;
  __layout: ImageLayout;

  static override getType(): string {
    return 'image';
  }

  static override clone(node: ImageNode): ImageNode {
    return new ImageNode(node.__src, node.__altText, node.__caption, node.__layout, node.__key);
  }

  static override importJSON(serialized: SerializedImageNode): ImageNode {
    return $createImageNode(serialized.src, serialized.altText, {
      caption: serialized.caption ?? '',
      align: serialized.align ?? DEFAULT_LAYOUT.align,
      size: serialized.size ?? DEFAULT_LAYOUT.size,
      width: serialized.width ?? null,
    });
  }

  static override importDOM(): DOMConversionMap {
    return {
      img: () => ({ conversion: (element) => convertImage(element, null), priority: 0 }),
      figure: (element: HTMLElement) => {
        const image = element.querySelector('img');
        return image ? { conversion: () => convertImage(image, element), priority: 1 } : null;
      },
    };
  }

  constructor(src: string, altText: string, caption: string, layout: ImageLayout, key?: NodeKey) {
    super(key);
    this.__src = src;
    this.__altText = altText;
    this.__caption = caption;
    this.__layout = layout;
  }

  override exportJSON(): SerializedImageNode {
    return {
      ...super.exportJSON(),
      type: 'image',
      version: 1,
      src: this.__src,
      altText: this.__altText,
      ...(this.__caption ? { caption: this.__caption } : {}),
      ...(this.hasLayout() ? this.__layout : {}),
    };
  }

  /** `<img class="alignleft size-medium" width="640">`, or a WordPress caption figure around it. */
  override exportDOM(): DOMExportOutput {
    const image = document.createElement('img');
    image.setAttribute('src', this.__src);
    image.setAttribute('alt', this.__altText);
    const width = layoutWidth(this.__layout);
    if (width) image.setAttribute('width', String(width));
    const align = alignClass(this.__layout.align);
    const size = this.hasLayout() ? sizeClass(this.__layout.size) : null;
    if (!this.__caption) {
      const classes = [align, size].filter(Boolean).join(' ');
      if (classes) image.setAttribute('class', classes);
      return { element: image };
    }
    if (size) image.setAttribute('class', size);
    const figure = document.createElement('figure');
    figure.setAttribute('class', ['wp-caption', align].filter(Boolean).join(' '));
    const caption = document.createElement('figcaption');
    caption.setAttribute('class', 'wp-caption-text');
    caption.textContent = this.__caption;
    figure.append(image, caption);
    return { element: figure };
  }

  override createDOM(): HTMLElement {
    const element = document.createElement('span');
    element.className = this.frameClass();
    return element;
  }

  override updateDOM(_previous: ImageNode, dom: HTMLElement): false {
    dom.className = this.frameClass();
    return false;
  }

  private frameClass(): string {
    const { align } = this.__layout;
    return `editor-image${align === 'none' ? '' : ` editor-image--${align}`}${this.__caption ? ' editor-image--captioned' : ''}`;
  }

  private hasLayout(): boolean {
    const { align, size } = this.__layout;
    return align !== DEFAULT_LAYOUT.align || size !== DEFAULT_LAYOUT.size;
  }

  getSrc(): string {
    return this.__src;
  }

  getAltText(): string {
    return this.getLatest().__altText;
  }

  getCaption(): string {
    return this.getLatest().__caption;
  }

  getLayout(): ImageLayout {
    return this.getLatest().__layout;
  }

  setAltText(altText: string): this {
    const writable = this.getWritable();
    writable.__altText = altText;
    return writable;
  }

  /** Applies what the image's panel changed: alt text, caption or layout. */
  change(change: ImageChange): this {
    const writable = this.getWritable();
    if (change.altText !== undefined) writable.__altText = change.altText;
    if (change.caption !== undefined) writable.__caption = change.caption;
    if (change.layout) writable.__layout = { ...writable.__layout, ...change.layout };
    return writable;
  }

  override isInline(): true {
    return true;
  }

  override getTextContent(): string {
    return this.__caption ? `${this.__caption}\n` : '';
  }

  override decorate(editor: LexicalEditor): JSX.Element {
    const key = this.__key;
    const apply = (change: ImageChange) =>
      editor.update(() => {
        const node = $getNodeByKey(key);
        if ($isImageNode(node)) node.change(change);
      });
    return (
      <ImageComponent
        nodeKey={key}
        src={this.__src}
        altText={this.__altText}
        caption={this.__caption}
        layout={this.__layout}
        apply={apply}
      />
    );
  }
}

export function $createImageNode(
  src: string,
  altText = '',
  options: { caption?: string } & Partial<ImageLayout> = {},
): ImageNode {
  const { caption = '', ...layout } = options;
  return $applyNodeReplacement(new ImageNode(src, altText, caption, { ...DEFAULT_LAYOUT, ...layout }));
}

export function $isImageNode(node: LexicalNode | null | undefined): node is ImageNode {
  return node instanceof ImageNode;
}
