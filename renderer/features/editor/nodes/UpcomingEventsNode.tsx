import type { DOMConversionMap, NodeKey, SerializedLexicalNode, Spread } from 'lexical';
import { upcomingEventsHtml, type EventForHtml } from '../../../../shared/events/event-html';
import { formatEventLine } from '../../../../shared/events/event-text';
import { HtmlBlockNode, importHtmlBlock } from './HtmlBlockNode';
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
export class UpcomingEventsNode extends HtmlBlockNode {
  __heading: string;
  __items: UpcomingItem[];
  protected readonly frameClass = 'editor-event-block editor-event-block--list';
  protected readonly testId = 'upcoming-events-block';

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
    return importHtmlBlock(
      (div) => div.classList.contains('h-feed') && div.querySelector('li.h-event') !== null,
      (div) => {
        const items = Array.from(div.querySelectorAll('li.h-event'), readHEvent)
          .filter((event) => event !== null)
          .map((event) => ({ event, start: event.start, end: event.end }));
        const heading = div.querySelector('h3')?.textContent?.trim() || 'Upcoming events';
        return items.length > 0 ? $createUpcomingEventsNode(heading, items) : null;
      },
    );
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

  protected blockHtml(): string {
    return upcomingEventsHtml(this.__items, this.__heading);
  }

  override getTextContent(): string {
    const lines = this.__items.map(
      (item) =>
        `${item.event.title}: ${formatEventLine({ ...item.event, start: item.start, end: item.end })}`,
    );
    return `${this.__heading}\n${lines.join('\n')}\n`;
  }
}

export function $createUpcomingEventsNode(heading: string, items: UpcomingItem[]): UpcomingEventsNode {
  return new UpcomingEventsNode(heading, items);
}
