import {
  BOLD_STAR,
  BOLD_UNDERSCORE,
  CODE,
  INLINE_CODE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  ORDERED_LIST,
  QUOTE,
  STRIKETHROUGH,
  UNORDERED_LIST,
  type ElementTransformer,
  type Transformer,
} from '@lexical/markdown';
import { MarkdownShortcutPlugin as LexicalMarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { $createHeadingNode, $isHeadingNode, HeadingNode } from '@lexical/rich-text';

/** `## `, `### `, `#### ` make headings 2–4; a post's title is its only level-1 heading. */
const HEADING_2_TO_4: ElementTransformer = {
  dependencies: [HeadingNode],
  export: (node, traverseChildren) =>
    $isHeadingNode(node) ? `${'#'.repeat(Number(node.getTag().slice(1)))} ${traverseChildren(node)}` : null,
  regExp: /^(#{2,4})\s/,
  replace: (parent, children, match) => {
    const heading = $createHeadingNode(`h${match[1]!.length}` as 'h2' | 'h3' | 'h4');
    heading.append(...children);
    parent.replace(heading);
    heading.select(0, 0);
  },
  type: 'element',
};

const TRANSFORMERS: Transformer[] = [
  HEADING_2_TO_4,
  QUOTE,
  UNORDERED_LIST,
  ORDERED_LIST,
  CODE,
  INLINE_CODE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  STRIKETHROUGH,
];

/** Markdown while typing: `## `, `* `, `1. `, `> `, ``` ``` ```, `**bold**`, `_italic_`, `~~strike~~`. */
export function MarkdownShortcutPlugin() {
  return <LexicalMarkdownShortcutPlugin transformers={TRANSFORMERS} />;
}
