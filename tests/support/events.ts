import type { EventForHtml } from '../../shared/events/event-html';

/** The seed post's Brighton event, as the tests of event blocks and their HTML use it. */
export const LEARNING_POOL_BREAKFAST: EventForHtml = {
  title: 'Learning Pool breakfast',
  start: '2009-11-25T09:30',
  end: '2009-11-25T12:30',
  allDay: false,
  timeZone: 'Europe/London',
  location: 'Brighton and Hove Council',
  url: '',
  description: 'Speakers include Tracey Hughes.',
};
