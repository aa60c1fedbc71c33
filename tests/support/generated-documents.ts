import { $createCodeNode } from '@lexical/code';
import { $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode, type ListType } from '@lexical/list';
import { $createHorizontalRuleNode } from '@lexical/react/LexicalHorizontalRuleNode';
import { $createHeadingNode, $createQuoteNode, type HeadingTagType } from '@lexical/rich-text';
import {
  $createTableCellNode,
  $createTableNode,
  $createTableRowNode,
  TableCellHeaderStates,
} from '@lexical/table';
import fc from 'fast-check';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  type ElementNode,
  type LexicalNode,
  type TextFormatType,
} from 'lexical';
import { $createEventNode } from '../../renderer/features/editor/nodes/EventNode';
import { $createImageNode } from '../../renderer/features/editor/nodes/ImageNode';
import { $createMoreBreakNode } from '../../renderer/features/editor/nodes/MoreBreakNode';
import { $createUpcomingEventsNode } from '../../renderer/features/editor/nodes/UpcomingEventsNode';
import type { EventForHtml } from '../../shared/events/event-html';
import { IMAGE_ALIGNS, type ImageLayout } from '../../shared/publish/image-layout';

/**
 * Documents of every construct the editor can make, as plain data (so fast-check can shrink them)
 * and built into a Lexical editor by $buildDocument.
 */

export type InlineSpec =
  | { kind: 'text'; text: string; formats: TextFormatType[] }
  | { kind: 'link'; url: string; children: { text: string; formats: TextFormatType[] }[] }
  | { kind: 'break' }
  | { kind: 'image'; alt: string; layout: ImageLayout };

export type ListItemSpec = { inline: InlineSpec[]; checked: boolean; nested: ListSpec | null };
export type ListSpec = { kind: 'list'; type: ListType; start: number; items: ListItemSpec[] };

export type BlockSpec =
  | { kind: 'paragraph'; inline: InlineSpec[] }
  | { kind: 'heading'; tag: HeadingTagType; inline: InlineSpec[] }
  | { kind: 'quote'; inline: InlineSpec[] }
  | { kind: 'code'; language: string | null; lines: string[] }
  | ListSpec
  | { kind: 'rule' }
  | { kind: 'more' }
  | { kind: 'figure'; alt: string; caption: string; layout: ImageLayout }
  | { kind: 'table'; header: boolean; rows: string[][] }
  | { kind: 'event'; event: EventForHtml }
  | { kind: 'upcoming'; heading: string; events: EventForHtml[] };

/** Letters, Markdown's and HTML's special characters, quotes and accents: what escaping must survive. */
const CHARS = [...'abcdefghijklmnopqrstuvwxyzABCXYZ0123456789*_`~#>+-=.!?[](){}<>&|\\/:;"\',@%$^“”’éß€'];
/**
 * Words with single spaces between them. Where a run of spaces sits (at the edge of a link, of a
 * line, two in a row) HTML shows one or none, and so do the documents compared; runs of formatted
 * text are separated by plain spaces of their own (SPACE below), as typed text is.
 */
const words = (unit: fc.Arbitrary<string>, maxWords: number) =>
  fc
    .array(fc.string({ unit, minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: maxWords })
    .map((list) => list.join(' '));
const word = words(fc.constantFrom(...CHARS), 3);
const plain = words(fc.constantFrom(...[...'abcdefghijklmnop']), 3);

const FORMATS: TextFormatType[] = [
  'bold',
  'italic',
  'strikethrough',
  'underline',
  'code',
  'subscript',
  'superscript',
];
// Lexical writes no <sub>/<sup> around code (its HTML export, before Markdown has a say).
const formats = fc
  .subarray(FORMATS, { maxLength: 3 })
  .filter((chosen) => !(chosen.includes('subscript') && chosen.includes('superscript')))
  .filter(
    (chosen) =>
      !(chosen.includes('code') && (chosen.includes('subscript') || chosen.includes('superscript'))),
  );

const layout: fc.Arbitrary<ImageLayout> = fc.oneof(
  fc.constant<ImageLayout>({ align: 'none', size: 'original', width: null }),
  fc.record({
    align: fc.constantFrom(...IMAGE_ALIGNS),
    size: fc.constantFrom('small' as const, 'medium' as const, 'large' as const, 'original' as const),
    width: fc.constant(null),
  }),
  fc.record({
    align: fc.constantFrom(...IMAGE_ALIGNS),
    size: fc.constant('custom' as const),
    width: fc.integer({ min: 48, max: 2000 }),
  }),
);

const inline: fc.Arbitrary<InlineSpec> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('text' as const), text: word, formats }) },
  { weight: 2, arbitrary: fc.constant<InlineSpec>({ kind: 'text', text: ' ', formats: [] }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('link' as const),
      url: fc.webUrl({ withQueryParameters: true }).map((url) => new URL(url).href),
      children: fc.array(fc.record({ text: word, formats: formats.filter((f) => !f.includes('code')) }), {
        minLength: 1,
        maxLength: 2,
      }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'break' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('image' as const), alt: plain, layout }) },
);
const inlines = fc.array(inline, { minLength: 1, maxLength: 6 });
const textOnly = fc.array(fc.record({ kind: fc.constant('text' as const), text: word, formats }), {
  minLength: 1,
  maxLength: 4,
});

const listItem = (nested: fc.Arbitrary<ListSpec | null>): fc.Arbitrary<ListItemSpec> =>
  fc.record({ inline: textOnly, checked: fc.boolean(), nested });
const listOf = (nested: fc.Arbitrary<ListSpec | null>): fc.Arbitrary<ListSpec> =>
  fc
    .record({
      kind: fc.constant('list' as const),
      type: fc.constantFrom<ListType>('bullet', 'number', 'check'),
      start: fc.integer({ min: 1, max: 12 }),
      items: fc.array(listItem(nested), { minLength: 1, maxLength: 3 }),
    })
    .map((spec) => (spec.type === 'number' ? spec : { ...spec, start: 1 }));
const list = listOf(fc.option(listOf(fc.constant(null)), { nil: null, freq: 3 }));

const localTime = fc
  .record({
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 1, max: 12 }),
    hour: fc.integer({ min: 7, max: 20 }),
  })
  .map(
    ({ day, month, hour }) =>
      `2009-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:30`,
  );
const named = plain;
const event: fc.Arbitrary<EventForHtml> = fc.record({
  title: named,
  start: localTime,
  end: fc.constant(null),
  allDay: fc.constant(false),
  timeZone: fc.constant(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'),
  location: fc.oneof(fc.constant(''), named),
  url: fc.oneof(fc.constant(''), fc.constant('https://example.org/events/1')),
  // As the event form keeps it: trimmed paragraphs.
  description: fc.oneof(
    fc.constant(''),
    plain,
    fc.tuple(plain, plain).map(([a, b]) => `${a}\n\n${b}`),
  ),
});

export const blockSpec: fc.Arbitrary<BlockSpec> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('paragraph' as const), inline: inlines }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('heading' as const),
      tag: fc.constantFrom<HeadingTagType>('h1', 'h2', 'h3', 'h4', 'h5', 'h6'),
      inline: textOnly,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('quote' as const), inline: inlines }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('code' as const),
      language: fc.constantFrom(null, 'js', 'python'),
      // Markdown's fences cannot say that a block ends with an empty line.
      lines: fc
        .array(fc.string({ unit: fc.constantFrom(...CHARS, ' '), maxLength: 20 }), {
          minLength: 1,
          maxLength: 4,
        })
        .map((lines) => (lines.at(-1)?.trim() ? lines : [...lines, 'end'])),
    }),
  },
  { weight: 3, arbitrary: list },
  { weight: 1, arbitrary: fc.constant({ kind: 'rule' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'more' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('figure' as const), alt: plain, caption: plain, layout }),
  },
  {
    weight: 2,
    arbitrary: fc.integer({ min: 1, max: 4 }).chain((columns) =>
      fc.record({
        kind: fc.constant('table' as const),
        header: fc.boolean(),
        rows: fc.array(
          fc.array(fc.oneof(word, fc.constant('')), { minLength: columns, maxLength: columns }),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
      }),
    ),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('event' as const), event }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('upcoming' as const),
      heading: named,
      events: fc.array(event, { minLength: 1, maxLength: 3 }),
    }),
  },
);

export const documentSpec = fc.array(blockSpec, { minLength: 1, maxLength: 8 });

function $text(text: string, formatsOf: TextFormatType[]) {
  const node = $createTextNode(text);
  for (const format of formatsOf) node.toggleFormat(format);
  return node;
}

function $inline(spec: InlineSpec): LexicalNode {
  switch (spec.kind) {
    case 'text':
      return $text(spec.text, spec.formats);
    case 'link':
      return $createLinkNode(spec.url).append(
        ...spec.children.map((child) => $text(child.text, child.formats)),
      );
    case 'break':
      return $createLineBreakNode();
    case 'image':
      return $createImageNode('/drafts/d1/assets/harbour-1a2b3c4d.png', spec.alt, spec.layout);
  }
}

function $list(spec: ListSpec): ElementNode {
  const node = $createListNode(spec.type, spec.start);
  for (const item of spec.items) {
    const listItem = $createListItemNode(spec.type === 'check' ? item.checked : undefined);
    listItem.append(...item.inline.map($inline));
    node.append(listItem);
    if (item.nested) node.append($createListItemNode().append($list(item.nested)));
  }
  return node;
}

function $block(spec: BlockSpec): LexicalNode {
  switch (spec.kind) {
    case 'paragraph':
      return $createParagraphNode().append(...spec.inline.map($inline));
    case 'heading':
      return $createHeadingNode(spec.tag).append(...spec.inline.map($inline));
    case 'quote':
      return $createQuoteNode().append(...spec.inline.map($inline));
    case 'code': {
      const code = $createCodeNode(spec.language);
      spec.lines.forEach((line, index) => {
        if (index > 0) code.append($createLineBreakNode());
        if (line) code.append($createTextNode(line));
      });
      return code;
    }
    case 'list':
      return $list(spec);
    case 'rule':
      return $createHorizontalRuleNode();
    case 'more':
      return $createMoreBreakNode();
    case 'figure':
      return $createParagraphNode().append(
        $createImageNode('/drafts/d1/assets/map-5e6f7a8b.jpg', spec.alt, {
          caption: spec.caption,
          ...spec.layout,
        }),
      );
    case 'table': {
      const table = $createTableNode();
      spec.rows.forEach((cells, rowIndex) => {
        const row = $createTableRowNode();
        for (const cell of cells) {
          const header =
            spec.header && rowIndex === 0 ? TableCellHeaderStates.ROW : TableCellHeaderStates.NO_STATUS;
          const paragraph = $createParagraphNode();
          if (cell) paragraph.append($createTextNode(cell));
          row.append($createTableCellNode(header).append(paragraph));
        }
        table.append(row);
      });
      return table;
    }
    case 'event':
      return $createEventNode({ ...spec.event, eventId: null });
    case 'upcoming':
      return $createUpcomingEventsNode(
        spec.heading,
        spec.events.map((item) => ({ event: item, start: item.start, end: item.end })),
      );
  }
}

/** Replaces the editor's body with the document (inside an update). */
export function $buildDocument(blocks: BlockSpec[]) {
  const root = $getRoot();
  root.clear();
  for (const block of blocks) root.append($block(block) as ElementNode);
}
