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
import { upcomingEventsHtml, type EventForHtml } from '../../../../shared/events/event-html';
import { formatEventLine } from '../../../../shared/events/event-text';
import { htmlElement } from './EventNode';
import { readHEvent } from './read-h-event';

/** One line of the list: the event as it was when the list was inserted, at one occurrence. */
export interface UpcomingItem {
  event: EventForHtml;
  start: string;
  end: string | null;
}

export type SerializedUpcomingEventsNode = Spread<
  { heading: string; items: UpcomingItem[] },
  SerializedLexicalNode
>;

/** "Upcoming events": a heading and one h-event list item per event of a range. */
export class UpcomingEventsNode extends DecoratorNode<JSX.Element> {
  __heading: string;
  __items: UpcomingItem[];

  static override getType(): string {
    return 'upcoming-events';
  }

  static override clone(node: UpcomingEventsNode): UpcomingEventsNode {
    return new UpcomingEventsNode(node.__heading, node.__items, node.__key);
  }

  static override importJSON(serialized: SerializedUpcomingEventsNode): UpcomingEventsNode {
    return $createUpcomingEventsNode(serialized.heading, serialized.items);
  }

  /** An h-feed of h-event list items, as upcomingEventsHtml writes it. */
  static override importDOM(): DOMConversionMap {
    return {
      div: (element: HTMLElement) =>
        element.classList.contains('h-feed') && element.querySelector('li.h-event')
          ? {
              conversion: (node: HTMLElement) => {
                const items = Array.from(node.querySelectorAll('li.h-event'), readHEvent)
                  .filter((event) => event !== null)
                  .map((event) => ({ event, start: event.start, end: event.end }));
                const heading = node.querySelector('h3')?.textContent?.trim() || 'Upcoming events';
                return { node: items.length > 0 ? $createUpcomingEventsNode(heading, items) : null };
              },
              priority: 2,
            }
          : null,
    };
  }

  constructor(heading: string, items: UpcomingItem[], key?: NodeKey) {
    super(key);
    this.__heading = heading;
    this.__items = items;
  }

  override exportJSON(): SerializedUpcomingEventsNode {
    return {
      ...super.exportJSON(),
      type: 'upcoming-events',
      version: 1,
      heading: this.__heading,
      items: this.__items,
    };
  }

  override exportDOM(): DOMExportOutput {
    return { element: htmlElement(upcomingEventsHtml(this.__items, this.__heading)) };
  }

  override createDOM(): HTMLElement {
    const element = document.createElement('div');
    element.className = 'editor-event-block editor-event-block--list';
    return element;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  override getTextContent(): string {
    const lines = this.__items.map(
      (item) =>
        `${item.event.title}: ${formatEventLine({ ...item.event, start: item.start, end: item.end })}`,
    );
    return `${this.__heading}\n${lines.join('\n')}\n`;
  }

  override decorate(): JSX.Element {
    return (
      <div
        className="editor-event-block__body"
        data-testid="upcoming-events-block"
        // Our own escaped h-event HTML (shared/events/event-html): what the post will carry.
        dangerouslySetInnerHTML={{ __html: upcomingEventsHtml(this.__items, this.__heading) }}
      />
    );
  }
}

export function $createUpcomingEventsNode(heading: string, items: UpcomingItem[]): UpcomingEventsNode {
  return new UpcomingEventsNode(heading, items);
}

export function $isUpcomingEventsNode(node: LexicalNode | null | undefined): node is UpcomingEventsNode {
  return node instanceof UpcomingEventsNode;
}
