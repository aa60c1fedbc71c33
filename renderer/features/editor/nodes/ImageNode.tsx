import {
  $applyNodeReplacement,
  $getNodeByKey,
  DecoratorNode,
  type DOMConversionMap,
  type DOMExportOutput,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import type { JSX } from 'react';
import { ImageComponent } from './ImageComponent';

export type SerializedImageNode = Spread<{ src: string; altText: string }, SerializedLexicalNode>;

/**
 * Only the draft's own images (served by the host from the draft's folder) are shown: a post never
 * pulls remote content into the app, and a pasted `<img src="http://…">` would be a tracking pixel.
 */
export function isDraftImageSrc(src: string): boolean {
  return /^\/drafts\/[A-Za-z0-9_-]+\/assets\/[^/?#\\]+$/.test(src) && !src.includes('..');
}

/** An image copied into the draft's folder, with the alt text readers of the post hear or see instead. */
export class ImageNode extends DecoratorNode<JSX.Element> {
  __src: string;
  __altText: string;

  static override getType(): string {
    return 'image';
  }

  static override clone(node: ImageNode): ImageNode {
    return new ImageNode(node.__src, node.__altText, node.__key);
  }

  static override importJSON(serialized: SerializedImageNode): ImageNode {
    return $createImageNode(serialized.src, serialized.altText);
  }

  static override importDOM(): DOMConversionMap {
    return {
      img: () => ({
        conversion: (element) => {
          const src = element.getAttribute('src') ?? '';
          return {
            node: isDraftImageSrc(src) ? $createImageNode(src, element.getAttribute('alt') ?? '') : null,
          };
        },
        priority: 0,
      }),
    };
  }

  constructor(src: string, altText: string, key?: NodeKey) {
    super(key);
    this.__src = src;
    this.__altText = altText;
  }

  override exportJSON(): SerializedImageNode {
    return { ...super.exportJSON(), type: 'image', version: 1, src: this.__src, altText: this.__altText };
  }

  override exportDOM(): DOMExportOutput {
    const image = document.createElement('img');
    image.setAttribute('src', this.__src);
    image.setAttribute('alt', this.__altText);
    return { element: image };
  }

  override createDOM(): HTMLElement {
    const element = document.createElement('span');
    element.className = 'editor-image';
    return element;
  }

  override updateDOM(): false {
    return false;
  }

  getSrc(): string {
    return this.__src;
  }

  getAltText(): string {
    return this.getLatest().__altText;
  }

  setAltText(altText: string): this {
    const writable = this.getWritable();
    writable.__altText = altText;
    return writable;
  }

  override isInline(): true {
    return true;
  }

  override decorate(editor: LexicalEditor): JSX.Element {
    const key = this.__key;
    const saveAlt = (altText: string) =>
      editor.update(() => {
        const node = $getNodeByKey(key);
        if ($isImageNode(node)) node.setAltText(altText);
      });
    return <ImageComponent nodeKey={key} src={this.__src} altText={this.__altText} saveAlt={saveAlt} />;
  }
}

export function $createImageNode(src: string, altText = ''): ImageNode {
  return $applyNodeReplacement(new ImageNode(src, altText));
}

export function $isImageNode(node: LexicalNode | null | undefined): node is ImageNode {
  return node instanceof ImageNode;
}
