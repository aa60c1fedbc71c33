// @vitest-environment happy-dom
import { $generateNodesFromDOM } from '@lexical/html';
import {
  $createParagraphNode,
  $getRoot,
  $isDecoratorNode,
  createEditor,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { eventBlockHtml, upcomingEventsHtml, type EventForHtml } from '../../shared/events/event-html';
import { $exportBodyHtml } from '../../renderer/features/editor/html/body-html';
import { $createEventNode, type EventBlockData } from '../../renderer/features/editor/nodes/EventNode';
import { $createImageNode } from '../../renderer/features/editor/nodes/ImageNode';
import { EDITOR_NODES } from '../../renderer/features/editor/nodes';
import { $createUpcomingEventsNode } from '../../renderer/features/editor/nodes/UpcomingEventsNode';
import { browserTimeZone } from '../../renderer/features/calendar/event-form';
import { countWords } from '../../renderer/features/editor/plugins/WordCountPlugin';
import { wordCountOf } from '../../main/core/drafts/draft-index';
import { LEARNING_POOL_BREAKFAST } from '../support/events';

/*
 * Pins what the editor's own nodes write: the JSON a draft keeps on disk (old drafts must keep
 * opening) and the HTML a blog receives (it must stay the same from one version to the next).
 */

const breakfast: EventBlockData = { ...LEARNING_POOL_BREAKFAST, eventId: 'ev-1' };

const workshop: EventForHtml = {
  title: 'Open data workshop',
  start: '2009-11-27',
  end: null,
  allDay: true,
  timeZone: 'Europe/London',
  location: 'London',
  url: 'https://example.org/workshop',
  description: '',
};

const EVENT_HTML =
  '<div class="h-event"><p><strong class="p-name">Learning Pool breakfast</strong><br>' +
  '<time datetime="2009-11-25T09:30:00+00:00" class="dt-start">Wednesday 25 November 2009, 9.30</time>–' +
  '<time datetime="2009-11-25T12:30:00+00:00" class="dt-end">12.30</time>, ' +
  '<span class="p-location">Brighton and Hove Council</span></p>' +
  '<p class="p-summary">Speakers include Tracey Hughes.</p></div>';

const UPCOMING_HTML =
  '<div class="h-feed"><h3 class="p-name">Coming up</h3><ul>' +
  '<li class="h-event"><strong class="p-name">Learning Pool breakfast</strong>: ' +
  '<time datetime="2009-11-25T09:30:00+00:00" class="dt-start">Wednesday 25 November 2009, 9.30</time>–' +
  '<time datetime="2009-11-25T12:30:00+00:00" class="dt-end">12.30</time>, ' +
  '<span class="p-location">Brighton and Hove Council</span></li>' +
  '<li class="h-event"><a href="https://example.org/workshop" class="p-name u-url">Open data workshop</a>: ' +
  '<time datetime="2009-11-27" class="dt-start">Friday 27 November 2009</time>, ' +
  '<span class="p-location">London</span></li></ul></div>';

const IMAGE_SRC = '/drafts/d1/assets/map.png';

/** An editor with a root element, so the nodes' editor frames are drawn too. */
function newEditor(): LexicalEditor {
  const editor = createEditor({
    namespace: 'nodes-test',
    nodes: EDITOR_NODES,
    onError: (error) => {
      throw error;
    },
  });
  editor.setRootElement(document.createElement('div'));
  return editor;
}

/** A body holding one node; an inline node goes into a paragraph, as the root only holds blocks. */
function bodyWith(editor: LexicalEditor, create: () => LexicalNode) {
  editor.update(
    () => {
      const node = create();
      const root = $getRoot().clear();
      root.append(node.isInline() ? $createParagraphNode().append(node) : node);
    },
    { discrete: true },
  );
}

/** The element the editor draws around the decorator (editor.css styles it by these classes). */
function frameOf(editor: LexicalEditor): string {
  const frame = editor.getRootElement()?.querySelector('[data-lexical-decorator]');
  return frame ? `${frame.localName}.${frame.className}` : 'none';
}

/**
 * What a draft keeps (as the text on disk, so the order of its keys is pinned too), what a blog
 * gets, what the word count reads and what the editor frames the node in.
 */
function written(editor: LexicalEditor) {
  const state = editor.getEditorState();
  return {
    json: JSON.stringify(state.toJSON().root.children),
    ...state.read(() => ({ html: $exportBodyHtml(editor), text: $getRoot().getTextContent() })),
    frame: frameOf(editor),
  };
}

/** A second editor opened from the JSON the first one's draft keeps on disk. */
function reopen(editor: LexicalEditor): LexicalEditor {
  const reopened = newEditor();
  reopened.setEditorState(reopened.parseEditorState(JSON.stringify(editor.getEditorState().toJSON())));
  return reopened;
}

/** The body's nodes read back from HTML, as the HTML view and drafts made from HTML do. */
function importedJson(html: string) {
  const editor = newEditor();
  bodyWith(editor, () => {
    const [node] = $generateNodesFromDOM(editor, new DOMParser().parseFromString(html, 'text/html'));
    return node!;
  });
  return editor.getEditorState().toJSON().root.children;
}

/** What decorate() shows in the frame: the block's own HTML (the image's needs a composer: e2e covers it). */
function decoration(editor: LexicalEditor): string {
  return editor.getEditorState().read(() => {
    const node = $getRoot().getFirstChild();
    if (!$isDecoratorNode(node)) throw new Error('no decorator node');
    return renderToStaticMarkup(node.decorate(editor, editor._config) as React.ReactElement);
  });
}

describe('the event block', () => {
  const editor = newEditor();
  bodyWith(editor, () => $createEventNode(breakfast));

  test('keeps its JSON, HTML, text and frame', () => {
    expect(written(editor)).toEqual({
      json: JSON.stringify([{ type: 'event', version: 1, event: breakfast }]),
      html: EVENT_HTML,
      text: 'Learning Pool breakfast\nWednesday 25 November 2009, 9.30–12.30, Brighton and Hove Council\nSpeakers include Tracey Hughes.\n',
      frame: 'div.editor-event-block',
    });
    expect(decoration(editor)).toBe(
      `<div class="editor-event-block__body" data-testid="event-block">${eventBlockHtml(breakfast)}</div>`,
    );
  });

  test('reads its HTML back without the calendar link', () => {
    expect(importedJson(EVENT_HTML)).toEqual([
      {
        type: 'event',
        version: 1,
        event: { ...breakfast, eventId: null, timeZone: browserTimeZone() },
      },
    ]);
  });

  test('opens from the JSON a draft keeps', () => {
    expect(written(reopen(editor))).toEqual(written(editor));
  });

  test('counts as many words in the footer as in the drafts list', () => {
    const { html, text } = written(editor);
    expect(countWords(text).words).toBe(wordCountOf(html));
  });
});

describe('the upcoming events list', () => {
  const items = [
    { event: breakfast, start: breakfast.start, end: breakfast.end },
    { event: workshop, start: workshop.start, end: null },
  ];
  const editor = newEditor();
  bodyWith(editor, () => $createUpcomingEventsNode('Coming up', items));

  test('keeps its JSON, HTML, text and frame', () => {
    expect(written(editor)).toEqual({
      json: JSON.stringify([{ type: 'upcoming-events', version: 1, heading: 'Coming up', items }]),
      html: UPCOMING_HTML,
      text:
        'Coming up\nLearning Pool breakfast: Wednesday 25 November 2009, 9.30–12.30, Brighton and Hove Council\n' +
        'Open data workshop: Friday 27 November 2009, London\n',
      frame: 'div.editor-event-block editor-event-block--list',
    });
    expect(decoration(editor)).toBe(
      `<div class="editor-event-block__body" data-testid="upcoming-events-block">${upcomingEventsHtml(items, 'Coming up')}</div>`,
    );
  });

  test('reads its HTML back', () => {
    const { eventId: _calendarLink, ...breakfastEvent } = breakfast;
    const read = (event: EventForHtml) => ({ ...event, timeZone: browserTimeZone() });
    expect(importedJson(UPCOMING_HTML)).toEqual([
      {
        type: 'upcoming-events',
        version: 1,
        heading: 'Coming up',
        items: [
          { event: read({ ...breakfastEvent, description: '' }), start: breakfast.start, end: breakfast.end },
          { event: read(workshop), start: workshop.start, end: null },
        ],
      },
    ]);
  });

  test('opens from the JSON a draft keeps', () => {
    expect(written(reopen(editor))).toEqual(written(editor));
  });

  test('counts as many words in the footer as in the drafts list', () => {
    const { html, text } = written(editor);
    expect(countWords(text).words).toBe(wordCountOf(html));
  });
});

describe('the image', () => {
  const editor = newEditor();
  bodyWith(editor, () => $createImageNode(IMAGE_SRC, 'Map of the ward'));

  test('keeps its JSON, HTML and frame', () => {
    const { json, html, frame } = written(editor);
    const image = { type: 'image', version: 1, src: IMAGE_SRC, altText: 'Map of the ward' };
    expect(json).toContain(`"children":${JSON.stringify([image])}`);
    expect(html).toBe(`<p><img src="${IMAGE_SRC}" alt="Map of the ward"></p>`);
    expect(frame).toBe('span.editor-image');
  });

  test('reads its HTML back, only from the draft’s own folder', () => {
    expect(importedJson(`<img src="${IMAGE_SRC}" alt="Map of the ward">`)[0]).toMatchObject({
      children: [{ type: 'image', version: 1, src: IMAGE_SRC, altText: 'Map of the ward' }],
    });
    expect(importedJson('<p><img src="https://tracker.example/pixel.gif" alt="">x</p>')[0]).toMatchObject({
      children: [{ type: 'text', text: 'x' }],
    });
  });

  test('opens from the JSON a draft keeps', () => {
    expect(written(reopen(editor))).toEqual(written(editor));
  });
});
