import { CodeNode } from '@lexical/code';
import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HorizontalRuleNode } from '@lexical/react/LexicalHorizontalRuleNode';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import type { Klass, LexicalNode } from 'lexical';
import { ImageNode } from './ImageNode';
import { MoreBreakNode } from './MoreBreakNode';
import { EventNode } from './EventNode';
import { UpcomingEventsNode } from './UpcomingEventsNode';

/** Every node a post body can hold. */
export const EDITOR_NODES: Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  CodeNode,
  HorizontalRuleNode,
  ImageNode,
  MoreBreakNode,
  EventNode,
  UpcomingEventsNode,
  TableNode,
  TableRowNode,
  TableCellNode,
];
