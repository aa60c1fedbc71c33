import {
  DecoratorNode,
  type DOMConversionMap,
  type DOMExportOutput,
  type SerializedLexicalNode,
} from 'lexical';
import type { JSX } from 'react';

export type SerializedMoreBreakNode = SerializedLexicalNode;

/**
 * The "more" break: what comes before it is the excerpt shown on the blog's front page.
 * In HTML it is the comment `<!--more-->` that WordPress and MetaWeblog's mt_text_more use.
 */
export class MoreBreakNode extends DecoratorNode<JSX.Element> {
  static override getType(): string {
    return 'more-break';
  }

  static override clone(node: MoreBreakNode): MoreBreakNode {
    return new MoreBreakNode(node.__key);
  }

  static override importJSON(): MoreBreakNode {
    return $createMoreBreakNode();
  }

  static override importDOM(): DOMConversionMap {
    return {
      '#comment': (node: Node) =>
        node.textContent?.trim().toLowerCase() === 'more'
          ? { conversion: () => ({ node: $createMoreBreakNode() }), priority: 1 }
          : null,
    };
  }

  override exportJSON(): SerializedMoreBreakNode {
    return { ...super.exportJSON(), type: 'more-break', version: 1 };
  }

  override exportDOM(): DOMExportOutput {
    const fragment = document.createDocumentFragment();
    fragment.append(document.createComment('more'));
    return { element: fragment };
  }

  override createDOM(): HTMLElement {
    const element = document.createElement('div');
    element.className = 'editor-more-break';
    return element;
  }

  override updateDOM(): false {
    return false;
  }

  override getTextContent(): string {
    return '\n';
  }

  override isInline(): false {
    return false;
  }

  override decorate(): JSX.Element {
    return (
      <span
        className="editor-more-break__label"
        title="Above this line: the excerpt on the blog's front page"
      >
        More
      </span>
    );
  }
}

export function $createMoreBreakNode(): MoreBreakNode {
  return new MoreBreakNode();
}
