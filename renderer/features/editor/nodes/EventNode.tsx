import type { DOMConversionMap, NodeKey, SerializedLexicalNode, Spread } from 'lexical';
import { eventBlockHtml, type EventForHtml } from '../../../../shared/events/event-html';
import { formatEventLine } from '../../../../shared/events/event-text';
import { HtmlBlockNode, importHtmlBlock } from './HtmlBlockNode';
import { readHEvent } from './read-h-event';

/** What an event block shows and publishes; `eventId` ties it to the calendar when it came from there. */
export type EventBlockData = EventForHtml & { eventId: string | null };

export type SerializedEventNode = Spread<{ event: EventBlockData }, SerializedLexicalNode>;

/**
 * An event in a post: "Wednesday 25 November 2009, 9.30–12.30, Brighton and Hove Council" with
 * h-event markup in the published HTML. The editor shows exactly the HTML that is published.
 */
export class EventNode extends HtmlBlockNode {
  __event: EventBlockData;
  protected readonly frameClass = 'editor-event-block';
  protected readonly testId = 'event-block';

  static override getType(): string {
    return 'event';
  }

  static override clone(node: EventNode): EventNode {
    return new EventNode(node.__event, node.__key);
  }

  static override importJSON(serialized: SerializedEventNode): EventNode {
    return $createEventNode(serialized.event);
  }

  /** An h-event read back from HTML is no longer tied to a calendar event. */
  static override importDOM(): DOMConversionMap {
    return importHtmlBlock(
      (div) => div.classList.contains('h-event'),
      (div) => {
        const event = readHEvent(div);
        return event ? $createEventNode({ ...event, eventId: null }) : null;
      },
    );
  }

  constructor(event: EventBlockData, key?: NodeKey) {
    super(key);
    this.__event = event;
  }

  override exportJSON(): SerializedEventNode {
    return { ...super.exportJSON(), type: 'event', version: 1, event: this.__event };
  }

  protected blockHtml(): string {
    return eventBlockHtml(this.__event);
  }

  override getTextContent(): string {
    // Everything the published block says, so the footer counts the words the blog will show.
    const description = this.__event.description.trim();
    return `${this.__event.title}\n${formatEventLine(this.__event)}\n${description ? `${description}\n` : ''}`;
  }
}

export function $createEventNode(event: EventBlockData): EventNode {
  return new EventNode(event);
}
