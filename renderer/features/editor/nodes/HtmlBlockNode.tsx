import { DecoratorNode, type DOMConversionMap, type DOMExportOutput, type LexicalNode } from 'lexical';
import type { JSX } from 'react';

/**
 * A block whose editor view is the very HTML the post publishes (our own escaped markup from
 * shared/events/event-html), so the author sees what readers get. A subclass keeps its data,
 * its JSON and how it reads its HTML back; this class frames, shows and exports the HTML.
 */
export abstract class HtmlBlockNode extends DecoratorNode<JSX.Element> {
  /** The block as the post carries it. */
  protected abstract blockHtml(): string;
  /** Classes of the frame the editor draws around the block (events-panel.css). */
  protected abstract readonly frameClass: string;
  /** How the end-to-end tests find the block. */
  protected abstract readonly testId: string;

  override createDOM(): HTMLElement {
    const frame = document.createElement('div');
    frame.className = this.frameClass;
    return frame;
  }

  /** The frame never changes; decorate() redraws what is inside it. */
  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  override exportDOM(): DOMExportOutput {
    const template = document.createElement('template');
    template.innerHTML = this.blockHtml();
    return { element: template.content.firstElementChild as HTMLElement };
  }

  override decorate(): JSX.Element {
    return (
      <div
        className="editor-event-block__body"
        data-testid={this.testId}
        // Our own escaped HTML (shared/events/event-html): what the post will carry.
        dangerouslySetInnerHTML={{ __html: this.blockHtml() }}
      />
    );
  }
}

/**
 * Reads one of our blocks back from its `div` (HTML view, drafts made from HTML). Priority 2 puts it
 * ahead of the code block's conversion of every `div` (priority 1).
 */
export function importHtmlBlock(
  isBlock: (div: HTMLElement) => boolean,
  read: (div: HTMLElement) => LexicalNode | null,
): DOMConversionMap {
  return {
    div: (element: HTMLElement) =>
      isBlock(element) ? { conversion: (div: HTMLElement) => ({ node: read(div) }), priority: 2 } : null,
  };
}
