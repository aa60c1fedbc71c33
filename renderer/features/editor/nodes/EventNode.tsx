import {
  DecoratorNode,
  type DOMConversionMap,
  type DOMExportOutput,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import type { JSX } from 'react';
import { eventBlockHtml, type EventForHtml } from '../../../../shared/events/event-html';
import { formatEventLine } from '../../../../shared/events/event-text';
import { readHEvent } from './read-h-event';

/** What an event block shows and publishes; `eventId` ties it to the calendar when it came from there. */
export type EventBlockData = EventForHtml & { eventId: string | null };

export type SerializedEventNode = Spread<{ event: EventBlockData }, SerializedLexicalNode>;

/** Turns our own (escaped) block HTML into an element for export. */
export function htmlElement(html: string): HTMLElement {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content.firstElementChild as HTMLElement;
}

/**
 * An event in a post: "Wednesday 25 November 2009, 9.30–12.30, Brighton and Hove Council" with
 * h-event markup in the published HTML. The editor shows exactly the HTML that is published.
 */
export class EventNode extends DecoratorNode<JSX.Element> {
  __event: EventBlockData;

  static override getType(): string {
    return 'event';
  }

  static override clone(node: EventNode): EventNode {
    return new EventNode(node.__event, node.__key);
  }

  static override importJSON(serialized: SerializedEventNode): EventNode {
    return $createEventNode(serialized.event);
  }

  static override importDOM(): DOMConversionMap {
    return {
      div: (element: HTMLElement) =>
        element.classList.contains('h-event')
          ? {
              conversion: (node: HTMLElement) => {
                const event = readHEvent(node);
                return { node: event ? $createEventNode({ ...event, eventId: null }) : null };
              },
              priority: 2,
            }
          : null,
    };
  }

  constructor(event: EventBlockData, key?: NodeKey) {
    super(key);
    this.__event = event;
  }

  override exportJSON(): SerializedEventNode {
    return { ...super.exportJSON(), type: 'event', version: 1, event: this.__event };
  }

  override exportDOM(): DOMExportOutput {
    return { element: htmlElement(eventBlockHtml(this.__event)) };
  }

  override createDOM(): HTMLElement {
    const element = document.createElement('div');
    element.className = 'editor-event-block';
    return element;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  override getTextContent(): string {
    return `${this.__event.title}\n${formatEventLine(this.__event)}\n`;
  }

  override decorate(): JSX.Element {
    return (
      <div
        className="editor-event-block__body"
        data-testid="event-block"
        // Our own escaped h-event HTML (shared/events/event-html): what the post will carry.
        dangerouslySetInnerHTML={{ __html: eventBlockHtml(this.__event) }}
      />
    );
  }
}

export function $createEventNode(event: EventBlockData): EventNode {
  return new EventNode(event);
}

export function $isEventNode(node: LexicalNode | null | undefined): node is EventNode {
  return node instanceof EventNode;
}
