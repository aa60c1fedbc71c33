import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FoundEvent } from '../../../../../shared/events/extract-events';
import { addMonths, formatLocal } from '../../../../../shared/events/local-date';
import type { CalendarEvent } from '../../../../../shared/model/calendar-event';
import type { Draft } from '../../../../../shared/model/draft';
import { useCore, useCoreEvent } from '../../../../core/CoreContext';
import { browserTimeZone } from '../../../calendar/event-form';
import type { DraftSession } from '../../draft-session';
import './events-panel.css';
import { FoundEventItem } from './FoundEventItem';
import { $exportBodyHtml } from '../../html/body-html';
import { insertEventBlock, insertUpcomingEvents } from './insert-blocks';
import { UpcomingForm } from './UpcomingForm';

/** How long typing must pause before the post is read for dates (off the typing path). */
const DETECT_DELAY_MS = 800;

const localDay = (date: Date) =>
  formatLocal({ year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() }, false);

/** The post's date as a local day, or null while it has none (dates then fall on their next occurrence). */
function postDateOf(session: DraftSession): string | null {
  const publishAt = session.getFields().publishAt;
  return publishAt ? localDay(new Date(publishAt)) : null;
}

const sameEvent = (found: FoundEvent, event: CalendarEvent) => event.start === found.start;

/**
 * "Events in this post": the dates and times the post names, found by the core's parser when
 * typing pauses, each ready to go into the calendar or into the post as an h-event block.
 */
export function EventDetectionPlugin({
  draft,
  session,
  title,
}: {
  draft: Draft;
  session: DraftSession;
  title: string;
}) {
  const [editor] = useLexicalComposerContext();
  const core = useCore();
  const [found, setFound] = useState<FoundEvent[]>([]);
  const [mentioned, setMentioned] = useState<CalendarEvent[]>([]);
  const [expanded, setExpanded] = useState(true);
  const [upcomingOpen, setUpcomingOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [postDate, setPostDate] = useState(() => postDateOf(session));
  const lastRead = useRef('');

  // The core's one detector reads the body as it would be saved (its event blocks left out there).
  const detect = useCallback(() => {
    const html = editor.read(() => $exportBodyHtml(editor));
    const key = `${postDate}\n${html}`;
    if (key === lastRead.current) return;
    lastRead.current = key;
    core
      .call('events-extract', { html, postDate })
      .then((events) => setFound(events))
      .catch((error: Error) => setNotice(`Dates in the post could not be read: ${error.message}`));
  }, [core, editor, postDate]);

  useEffect(() => {
    detect();
    let timer: number | null = null;
    // Typing only restarts a timer; the text is read and sent to the parser once typing pauses.
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      if (timer !== null) window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        timer = null;
        detect();
      }, DETECT_DELAY_MS);
    });
    return () => {
      unregister();
      if (timer !== null) window.clearTimeout(timer);
    };
  }, [editor, detect]);

  // A new publish date changes the year of dates written without one: the proposals are placed again.
  useEffect(() => session.subscribe(() => setPostDate(postDateOf(session))), [session]);

  const loadMentioned = useCallback(() => {
    core
      .call('events-list', {})
      .then((list) =>
        setMentioned(list.map((entry) => entry.event).filter((event) => event.mentions.includes(draft.id))),
      )
      .catch(() => undefined);
  }, [core, draft.id]);
  useEffect(loadMentioned, [loadMentioned]);
  useCoreEvent('events-changed', loadMentioned);

  const blockFor = (event: FoundEvent) => {
    const saved = mentioned.find((candidate) => sameEvent(event, candidate));
    if (saved) return { ...saved, eventId: saved.id };
    return {
      eventId: null,
      title: title || 'Event',
      start: event.start,
      end: event.end,
      allDay: event.allDay,
      timeZone: browserTimeZone(),
      location: event.location ?? '',
      url: '',
      description: '',
    };
  };

  const insertUpcoming = async ({ from, to, heading }: { from: string; to: string; heading: string }) => {
    const list = await core.call('events-list', { from, to });
    if (list.length === 0) throw new Error(`There are no events in the calendar from ${from} to ${to}.`);
    insertUpcomingEvents(
      editor,
      heading,
      list.map((entry) => ({ event: entry.event, start: entry.start, end: entry.end })),
    );
    setUpcomingOpen(false);
  };

  return (
    <section className="events-panel" aria-label="Events in this post">
      <header className="events-panel__header">
        <button
          type="button"
          className="events-panel__toggle"
          aria-expanded={expanded}
          onClick={() => setExpanded((open) => !open)}
        >
          Events in this post <span className="events-panel__count">{found.length}</span>
        </button>
        <button
          type="button"
          className="button events-panel__upcoming"
          onClick={() => setUpcomingOpen((open) => !open)}
        >
          Insert upcoming events
        </button>
      </header>
      {notice && (
        <p className="notice notice--warn" role="alert">
          {notice}
        </p>
      )}
      {upcomingOpen && (
        <UpcomingForm
          initialFrom={postDate ?? localDay(new Date())}
          initialTo={addMonths(postDate ?? localDay(new Date()), 2)}
          onInsert={insertUpcoming}
          onCancel={() => setUpcomingOpen(false)}
        />
      )}
      {expanded && (
        <div className="events-panel__body">
          {found.length === 0 ? (
            <p className="muted events-panel__empty">
              No dates yet. Write one, such as “on 25 November from 9.30-12.30”, and it appears here.
            </p>
          ) : (
            <ul className="stack-list">
              {found.map((event) => (
                <FoundEventItem
                  key={`${event.index}-${event.start}`}
                  found={event}
                  saved={mentioned.find((candidate) => sameEvent(event, candidate)) ?? null}
                  defaultTitle={title}
                  onAdd={async (fields) => {
                    await core.call('events-create', { ...fields, mentions: [draft.id] });
                  }}
                  onInsert={() => insertEventBlock(editor, blockFor(event))}
                />
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
